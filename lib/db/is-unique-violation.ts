import "server-only";
import Database from "better-sqlite3";

/** Whether a write failed on a UNIQUE constraint: the caller turns that into a clear 409 naming what is taken. */
export function isUniqueViolation(error: unknown): boolean {
  if (error instanceof Database.SqliteError) return error.code === "SQLITE_CONSTRAINT_UNIQUE";
  // PostgreSQL's unique_violation (pg's errors carry the SQLSTATE as `code`).
  return error instanceof Error && (error as Error & { code?: unknown }).code === "23505";
}
