import "server-only";
import Database from "better-sqlite3";

/** Whether a write failed on a UNIQUE constraint: the caller turns that into a clear 409 naming what is taken. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Database.SqliteError && error.code === "SQLITE_CONSTRAINT_UNIQUE";
}
