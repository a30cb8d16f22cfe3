import "server-only";
import { Kysely, SqliteDialect } from "kysely";
import { cachedStatement } from "./cached-statement";
import { databaseConfig } from "./database-config";
import { getDb, type Db } from "./db";
import { openPostgres } from "./open-postgres";

// One pool per process, like the legacy connection, even when Next evaluates this module once per bundle.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each feature narrows it to its own tables
const store = globalThis as typeof globalThis & { __wharfDatabase?: Promise<Kysely<any>> };

/**
 * The typed query layer. Each feature passes its own tables (`getDatabase<AutohealTables>()`) and so sees only
 * those. `DATABASE_URL` unset: the embedded SQLite file, on the very connection getDb() hands the features not
 * yet converted (same pragmas, same transactions); set: a PostgreSQL pool. Opened, and migrated, on first use.
 */
export function getDatabase<Tables>(): Promise<Kysely<Tables>> {
  const config = databaseConfig();
  // Not kept here: closeDb() and a reopened getDb() (tests) must never leave Kysely on a closed handle.
  if (config.dialect === "sqlite") return Promise.resolve().then(() => kyselyOver(getDb()));
  if (!store.__wharfDatabase) {
    const opening = openPostgres(config.url, config.host);
    // A failed open is not kept: the next call tries again.
    store.__wharfDatabase = opening.catch((error: unknown) => {
      store.__wharfDatabase = undefined;
      throw error;
    });
  }
  return store.__wharfDatabase as Promise<Kysely<Tables>>;
}

/** Kysely on an open SQLite connection, sharing its statement cache; destroying it leaves the connection open. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each feature narrows it to its own tables
export function kyselyOver(db: Db): Kysely<any> {
  let kysely = overSqlite.get(db);
  if (!kysely) {
    kysely = new Kysely({
      dialect: new SqliteDialect({
        database: { prepare: (sql: string) => cachedStatement(db, sql), close: () => {} },
      }),
    });
    overSqlite.set(db, kysely);
  }
  return kysely;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
const overSqlite = new WeakMap<Db, Kysely<any>>();

/** Ends the PostgreSQL pool; the SQLite connection is getDb()'s to close (closeDb). */
export async function closeDatabase(): Promise<void> {
  const opening = store.__wharfDatabase;
  store.__wharfDatabase = undefined;
  const db = await opening?.catch(() => undefined);
  await db?.destroy();
}
