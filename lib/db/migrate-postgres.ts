import "server-only";
import { sql, type Kysely } from "kysely";
import { WharfError } from "@/lib/core/errors";
import { coldKysely } from "./cold-kysely";
import { isPortable, type Migration } from "./migration";
import { migrations as allMigrations } from "./migrations";
import { POSTGRES_BASELINE_VERSION, postgresBaseline } from "./postgres-baseline";

// Any number of Wharfs may start at once against one database: each migration runs under this lock, so one
// applies it and the others find it recorded. ("wharf" in ASCII.)
const MIGRATION_LOCK = 0x7768617266;

/**
 * PostgreSQL: a new database gets the baseline (SQLite's versions 1-12 at once, recorded as each of them), then
 * every later migration in its own transaction, recorded in `schema_migrations` as on SQLite.
 */
export async function migratePostgres(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migrator addresses tables by name
  db: Kysely<any>,
  migrations: readonly Migration[] = allMigrations,
): Promise<number[]> {
  await db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx);
    await sql`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)`.execute(
      trx,
    );
  });
  const builder = coldKysely("postgres");
  const applied: number[] = [];
  const pending = [...migrations].sort((a, b) => a.version - b.version);
  for (const migration of pending) {
    if (migration.version < POSTGRES_BASELINE_VERSION) continue;
    await db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx);
      const done = await trx
        .selectFrom("schema_migrations")
        .select("version")
        .where("version", "=", migration.version)
        .executeTakeFirst();
      if (done) return;
      const versions =
        migration.version === POSTGRES_BASELINE_VERSION
          ? upTo(pending, migration.version)
          : [migration.version];
      if (migration.version === POSTGRES_BASELINE_VERSION) {
        await sql.raw(postgresBaseline).execute(trx);
      } else if (isPortable(migration)) {
        for (const statement of migration.build(builder)) await trx.executeQuery(statement.compile());
      } else if (migration.postgres !== undefined) {
        await sql.raw(migration.postgres).execute(trx);
      } else {
        // An old-style SQLite migration that nobody gave a PostgreSQL form (see lib/db/migrations.ts).
        throw new WharfError(
          "INTERNAL",
          `Migration ${migration.version} has no PostgreSQL form: give it \`postgres\` SQL or rewrite it with \`build\``,
        );
      }
      const at = new Date().toISOString();
      await trx
        .insertInto("schema_migrations")
        .values(versions.map((version) => ({ version, applied_at: at })))
        .onConflict((oc) => oc.column("version").doNothing())
        .execute();
      applied.push(...versions);
    });
  }
  return applied;
}

const upTo = (migrations: readonly Migration[], version: number) =>
  migrations.map((m) => m.version).filter((v) => v <= version);
