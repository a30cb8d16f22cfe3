import "server-only";
import Database from "better-sqlite3";
import pg from "pg";

/** Whether a write failed on a UNIQUE constraint: the caller turns that into a clear 409 naming what is taken. */
export function isUniqueViolation(error: unknown): boolean {
  if (error instanceof Database.SqliteError) return error.code === "SQLITE_CONSTRAINT_UNIQUE";
  // PostgreSQL's unique_violation.
  return error instanceof pg.DatabaseError && error.code === "23505";
}
