import "server-only";
import fs from "node:fs";
import { DatabaseSync } from "node:sqlite";
import { WharfError } from "@/lib/core/errors";
import { databaseConfig } from "./database-config";
import { runMigrations } from "./run-migrations";

/** A SQLite connection: Node's own (node:sqlite), no native addon to build. */
export type Db = DatabaseSync;

// Next can evaluate this module more than once in one process (route bundles, instrumentation); a second
// connection to the same file would work but doubles the handles and defeats the statement caches.
const store = globalThis as typeof globalThis & { __wharfDb?: Db };

/** Opens a database (a file path or ":memory:"), configures it and brings its schema up to date. */
export function openDb(file: string): Db {
  const db = new DatabaseSync(file);
  try {
    // WAL lets the dashboard read while a watcher writes; busy_timeout waits out another writer instead of
    // failing with SQLITE_BUSY at once.
    db.exec("PRAGMA journal_mode = WAL");
    // In WAL mode NORMAL syncs at checkpoints, not on every commit: still safe from corruption, and a crash
    // storm's thousands of incident writes no longer block the event loop a millisecond (or, on a disk the
    // engines keep busy, several) each. Only a power cut can lose the last moments' writes.
    db.exec("PRAGMA synchronous = NORMAL");
    db.exec("PRAGMA foreign_keys = ON");
    db.exec("PRAGMA busy_timeout = 5000");
    runMigrations(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * The process's one connection to `$DATA_DIR/wharf.db`, opened on first use, for the features not yet on the
 * typed query layer; lib/db/database.ts hands the same connection to Kysely.
 */
export function getDb(): Db {
  if (!store.__wharfDb) {
    const config = databaseConfig();
    // Features on this synchronous API cannot run against a server: they answer this until they are converted.
    if (config.dialect === "postgres") {
      throw new WharfError(
        "UNAVAILABLE",
        "This part of Wharf does not run on PostgreSQL yet: unset DATABASE_URL to use the embedded database",
      );
    }
    const { dir, file } = config;
    // Sessions, token hashes and the audit log: for Wharf's own user only. Modes are fixed on every start, so a
    // data folder made by an older Wharf (or by hand) is closed too.
    fs.mkdirSync(/*turbopackIgnore: true*/ dir, { recursive: true, mode: 0o700 });
    fs.chmodSync(/*turbopackIgnore: true*/ dir, 0o700);
    // Created 0600 before SQLite opens it: SQLite gives the -wal and -shm files the database file's mode.
    fs.closeSync(fs.openSync(/*turbopackIgnore: true*/ file, "a", 0o600));
    restrictToOwner(file);
    store.__wharfDb = openDb(file);
    restrictToOwner(file);
  }
  return store.__wharfDb;
}

// The data folder is the user's (DATA_DIR), known only at run time: the turbopackIgnore marks keep Turbopack from
// tracing the whole project into the standalone output (and so into the image) for these calls.
function restrictToOwner(file: string): void {
  for (const name of [file, `${file}-wal`, `${file}-shm`]) {
    if (fs.existsSync(/*turbopackIgnore: true*/ name)) fs.chmodSync(/*turbopackIgnore: true*/ name, 0o600);
  }
}

export function closeDb(): void {
  store.__wharfDb?.close();
  store.__wharfDb = undefined;
}
