import { z } from "zod";

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
