import "server-only";

// SQLite's extended result code for a UNIQUE constraint (node:sqlite carries it as `errcode`); a PRIMARY KEY
// clash is SQLITE_CONSTRAINT_PRIMARYKEY (1555), which no caller turns into "taken".
const SQLITE_CONSTRAINT_UNIQUE = 2067;

/** Whether a write failed on a UNIQUE constraint: the caller turns that into a clear 409 naming what is taken. */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { code, errcode } = error as Error & { code?: unknown; errcode?: unknown };
  if (code === "ERR_SQLITE_ERROR") return errcode === SQLITE_CONSTRAINT_UNIQUE;
  // PostgreSQL's unique_violation (pg's errors carry the SQLSTATE as `code`).
  return code === "23505";
}
