import "server-only";
import type Database from "better-sqlite3";
import { coldKysely } from "./cold-kysely";
import { isPortable, type Migration } from "./migration";
import { migrations as allMigrations } from "./migrations";

/** SQLite: applies every migration not yet recorded in `schema_migrations`, each in its own transaction. */
export function runMigrations(
  db: Database.Database,
  migrations: readonly Migration[] = allMigrations,
): number[] {
  db.exec(
    `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)`,
  );
  const isApplied = db.prepare<[number], { version: number }>(
    `SELECT version FROM schema_migrations WHERE version = ?`,
  );
  const record = db.prepare<[number, string]>(
    `INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)`,
  );
  const builder = coldKysely("sqlite");

  const applied: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    // IMMEDIATE takes the write lock before the check, so two processes opening the same file at once
    // (a server and a script) cannot both decide a migration is pending and run it twice.
    const apply = db.transaction(() => {
      if (isApplied.get(migration.version)) return;
      if (isPortable(migration)) {
        for (const statement of migration.build(builder)) {
          const { sql, parameters } = statement.compile();
          db.prepare(sql).run(...parameters);
        }
      } else {
        if (migration.sql) db.exec(migration.sql);
        migration.run?.(db);
      }
      record.run(migration.version, new Date().toISOString());
      applied.push(migration.version);
    });
    apply.immediate();
  }
  return applied;
}
