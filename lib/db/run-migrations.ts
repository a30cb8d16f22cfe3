import "server-only";
import type { DatabaseSync, SQLInputValue } from "node:sqlite";
import { coldKysely } from "./cold-kysely";
import { isPortable, type Migration } from "./migration";
import { migrations as allMigrations } from "./migrations";
import { immediateTransaction } from "./sqlite-statements";

/** SQLite: applies every migration not yet recorded in `schema_migrations`, each in its own transaction. */
export function runMigrations(db: DatabaseSync, migrations: readonly Migration[] = allMigrations): number[] {
  db.exec(
    `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)`,
  );
  const isApplied = db.prepare(`SELECT version FROM schema_migrations WHERE version = ?`);
  const record = db.prepare(`INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)`);
  const builder = coldKysely("sqlite");

  const applied: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    // IMMEDIATE takes the write lock before the check, so two processes opening the same file at once
    // (a server and a script) cannot both decide a migration is pending and run it twice.
    immediateTransaction(db, () => {
      if (isApplied.get(migration.version)) return;
      if (isPortable(migration)) {
        for (const statement of migration.build(builder)) {
          const { sql, parameters } = statement.compile();
          db.prepare(sql).run(...(parameters as SQLInputValue[]));
        }
      } else {
        if (migration.sql) db.exec(migration.sql);
        migration.run?.(db);
      }
      record.run(migration.version, new Date().toISOString());
      applied.push(migration.version);
    });
  }
  return applied;
}
