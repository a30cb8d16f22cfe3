import type Database from "better-sqlite3";

/** SQL, or for what SQL says badly (rewriting JSON), a function; both run in the migration's transaction. */
export type Migration = { version: number; sql: string; run?: (db: Database.Database) => void };
