import { z } from "zod";

const cols = z.number().int().min(2).max(1000);
const rows = z.number().int().min(2).max(500);

/** POST …/console: the command to run (argv, `/bin/sh` when absent) and the terminal's first size. */
export const openConsoleBodySchema = z
  .object({
    command: z
      .array(
        z
          .string()
          .min(1)
          .max(256)
          .regex(/^[^\0]+$/, "must not contain NUL"),
      )
      .min(1, "must name a program")
      .max(32)
      .default(["/bin/sh"]),
    cols: cols.default(80),
    rows: rows.default(24),
  })
  .strict();
export type OpenConsoleBody = z.infer<typeof openConsoleBodySchema>;

/** A text frame from the browser: a resize is the only thing it may say. */
export const consoleControlSchema = z.object({ type: z.literal("resize"), cols, rows }).strict();

/** The upgrade's query: the ticket POST …/console minted. */
export const consoleUpgradeQuerySchema = z
  .object({ ticket: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, "must be a console ticket") })
  .strict();
