import "server-only";
import type { DatabaseSync, SQLInputValue, StatementSync } from "node:sqlite";

/** A statement's first column alone: a count, a version, a list of names. */
export function pluck<T = unknown>(statement: StatementSync) {
  return {
    get: (...parameters: SQLInputValue[]): T | undefined => {
      const row = statement.get(...parameters);
      return row === undefined ? undefined : (Object.values(row)[0] as T);
    },
    all: (...parameters: SQLInputValue[]): T[] =>
      statement.all(...parameters).map((row) => Object.values(row)[0] as T),
  };
}

/**
 * Runs `work` in a transaction that takes the write lock at once (BEGIN IMMEDIATE): two processes on one file
 * cannot both read, then both write on what they read. Rolled back when `work` throws.
 */
export function immediateTransaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec("BEGIN IMMEDIATE");
  try {
    const result = work();
    db.exec("COMMIT");
    return result;
  } catch (error) {
    // A failed COMMIT or a statement SQLite itself aborted may have ended the transaction already.
    if (db.isTransaction) db.exec("ROLLBACK");
    throw error;
  }
}
