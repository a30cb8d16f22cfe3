import { z } from "zod";
import { logTimeNanos } from "./log-time";

export const logsQuerySchema = z
  .object({
    tail: z
      .string()
      .regex(/^\d{1,5}$/, "must be a number of lines")
      .transform(Number)
      .pipe(z.number().max(10_000, "must be at most 10000"))
      .default(500),
    timestamps: z
      .enum(["0", "1"], "must be 0 or 1")
      .transform((value) => value === "1")
      .default(true),
  })
  .strict();
export type LogsQuery = z.infer<typeof logsQuerySchema>;

export const olderLinesQuerySchema = z
  .object({
    before: z
      .string()
      .refine(
        (value) => logTimeNanos(value) !== null,
        "must be a log timestamp (RFC 3339, e.g. 2026-12-01T05:19:03.5Z)",
      ),
    limit: z
      .string()
      .regex(/^\d{1,4}$/, "must be a number of lines")
      .transform(Number)
      .pipe(z.number().min(1, "must be at least 1").max(2_000, "must be at most 2000"))
      .default(500),
    after: z
      .string()
      .regex(/^\d{1,6}$/, "must be a number of lines")
      .transform(Number)
      .default(0),
  })
  .strict();
export type OlderLinesQuery = z.infer<typeof olderLinesQuerySchema>;

export const projectParamsSchema = z
  .object({
    project: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_.-]{0,127}$/i, "must be a compose project name (letters, digits, - _ .)"),
  })
  .strict();
export type ProjectParams = z.infer<typeof projectParamsSchema>;

export const projectLogsQuerySchema = z
  .object({
    tail: z
      .string()
      .regex(/^\d{1,4}$/, "must be a number of lines")
      .transform(Number)
      .pipe(z.number().max(2_000, "must be at most 2000"))
      .default(200),
  })
  .strict();
export type ProjectLogsQuery = z.infer<typeof projectLogsQuerySchema>;
