import "server-only";
import fs from "node:fs";
import { DatabaseSync } from "node:sqlite";
import { WharfError } from "@/lib/core/errors";
import type { Db } from "./db";
import { migrations } from "./migrations";
import { pluck } from "./sqlite-statements";

/** The schema version this Wharf's code makes: a copy goes between databases at exactly this version. */
export const SCHEMA_VERSION = Math.max(...migrations.map((m) => m.version));

/**
 * Opens a Wharf SQLite file to copy from, read only (nothing of it changes), refusing one at another schema
 * version than this Wharf's: the target is migrated to this Wharf's, and the rows must fit it as they are.
 */
export function openCopySource(file: string): Db {
  if (!fs.existsSync(/*turbopackIgnore: true*/ file)) {
    throw new WharfError(
      "NOT_FOUND",
      `No database at ${file}: name it with --from FILE, or set DATA_DIR to the folder that holds wharf.db`,
    );
  }
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    checkSourceVersion(db, file);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function checkSourceVersion(db: Db, file: string): void {
  let version: number | null;
  try {
    const recorded = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
      .get();
    version = recorded
      ? (pluck(db.prepare("SELECT max(version) FROM schema_migrations")).get() as number | null)
      : null;
  } catch (error) {
    // Not SQLite at all ("file is not a database"), or a damaged file.
    throw new WharfError(
      "VALIDATION",
      `${file} cannot be read as a SQLite database: ${(error as Error).message}`,
    );
  }
  if (version === null)
    throw new WharfError("VALIDATION", `${file} is not a Wharf database: it records no schema version`);
  if (version < SCHEMA_VERSION) {
    throw new WharfError(
      "VALIDATION",
      `The database at ${file} is at schema version ${version} and this Wharf's is ${SCHEMA_VERSION}: start this Wharf on it once (it upgrades the file in place), stop it, then copy`,
    );
  }
  if (version > SCHEMA_VERSION) {
    throw new WharfError(
      "VALIDATION",
      `The database at ${file} was written by a newer Wharf (schema version ${version}; this one's is ${SCHEMA_VERSION}): copy it with that Wharf's db:copy`,
    );
  }
}
