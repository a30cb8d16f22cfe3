import "server-only";
import type { z } from "zod";
import { WharfError } from "@/lib/core/errors";

/** Parses a lib function's input, failing the way `route()` does: VALIDATION naming each bad field. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    field: issue.path.join(".") || "(root)",
    message: issue.message,
  }));
  throw new WharfError("VALIDATION", issues.map((i) => `${i.field}: ${i.message}`).join("; "), { issues });
}
