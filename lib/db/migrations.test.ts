import { sql, type Kysely } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { dialects, freshDatabase, type TestDatabase } from "@/tests/support/dialects";
import { openDb } from "./db";
import { isPortable, type Migration } from "./migration";
import { migratePostgres } from "./migrate-postgres";
import { migrations } from "./migrations";
import { POSTGRES_BASELINE_VERSION } from "./postgres-baseline";
import { runMigrations } from "./run-migrations";
import { pluck } from "./sqlite-statements";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the schema as the catalogs tell it
type AnyDb = Kysely<any>;

/** Every table and its columns, and every index by name, as the dialect's catalog tells them. */
async function schemaOf(db: AnyDb, dialect: string) {
  const columns =
    dialect === "sqlite"
      ? await sql<{ t: string; c: string }>`
          SELECT m.name AS t, p.name AS c FROM sqlite_master m, pragma_table_info(m.name) p
          WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'`.execute(db)
      : await sql<{ t: string; c: string }>`
          SELECT table_name AS t, column_name AS c FROM information_schema.columns WHERE table_schema = 'public'`.execute(
          db,
        );
  const indexes =
    dialect === "sqlite"
      ? await sql<{ i: string }>`
          SELECT name AS i FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex_%'`.execute(
          db,
        )
      : await sql<{ i: string }>`
          SELECT indexname AS i FROM pg_indexes WHERE schemaname = 'public' AND indexname NOT LIKE '%_pkey'
            AND indexname NOT LIKE '%_key'`.execute(db);
  const tables: Record<string, string[]> = {};
  for (const { t, c } of columns.rows) (tables[t] ??= []).push(c);
  for (const list of Object.values(tables)) list.sort();
  return { tables, indexes: indexes.rows.map((r) => r.i).sort() };
}

describe("the migration list", () => {
  it("gives every migration after the PostgreSQL baseline a form PostgreSQL can run", () => {
    const missing = migrations.filter(
      (m) => m.version > POSTGRES_BASELINE_VERSION && !isPortable(m) && m.postgres === undefined,
    );
    expect(missing.map((m) => m.version)).toEqual([]);
  });

  it("gives SQLite's unique indexes that compare without case the same names on PostgreSQL", async () => {
    // COLLATE NOCASE made an automatic index; PostgreSQL's lower() index is named: compare the rest.
    const sqlite = openDb(":memory:");
    const nocase = pluck(
      sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%COLLATE NOCASE%'"),
    ).all();
    sqlite.close();
    expect(nocase.sort()).toEqual(["alert_channels", "api_tokens", "teams", "users"]);
  });
});

describe.each(dialects)("migrations on %s", (dialect) => {
  const opened: TestDatabase[] = [];
  afterAll(async () => {
    for (const test of opened) await test.close();
  });
  const fresh = async () => {
    const test = await freshDatabase(dialect);
    opened.push(test);
    return test;
  };

  it("records every version of the list once", async () => {
    const { db } = await fresh();
    const rows = await db.selectFrom("schema_migrations").select("version").orderBy("version").execute();
    expect(rows.map((r) => Number(r.version))).toEqual(migrations.map((m) => m.version));
  });

  it("makes the same tables, columns and indexes as SQLite's history", async () => {
    const { db } = await fresh();
    const sqlite = openDb(":memory:");
    const { kyselyOver } = await import("./database");
    const expected = await schemaOf(kyselyOver(sqlite), "sqlite");
    const actual = await schemaOf(db, dialect);
    sqlite.close();
    expect(actual.tables).toEqual(expected.tables);
    // PostgreSQL names the lower() indexes that stand for COLLATE NOCASE (see the test above).
    const caseless = ["alert_channels_name", "api_tokens_name", "teams_name", "users_username"];
    expect(actual.indexes.filter((i) => !caseless.includes(i))).toEqual(expected.indexes);
  });

  it("runs a schema-builder migration after the history, once, however often it runs", async () => {
    const { db, sqlite } = await fresh();
    const added: Migration = {
      version: 1000,
      build: (schema) => [
        schema.schema
          .createTable("dbf_notes")
          .addColumn("id", "integer", (c) => c.primaryKey())
          .addColumn("text", "text", (c) => c.notNull()),
        schema.schema.createIndex("dbf_notes_by_text").on("dbf_notes").column("text"),
      ],
    };
    const list = [...migrations, added];
    const migrate = async () => (sqlite ? runMigrations(sqlite, list) : await migratePostgres(db, list));
    expect(await migrate()).toEqual([1000]);
    expect(await migrate()).toEqual([]);
    await db.insertInto("dbf_notes").values({ id: 1, text: "kept" }).execute();
    expect(await db.selectFrom("dbf_notes").selectAll().execute()).toEqual([{ id: 1, text: "kept" }]);
  });

  it("runs an old-style SQLite migration after the baseline on SQLite, and on PostgreSQL refuses it without a PostgreSQL form", async () => {
    const { db, sqlite } = await fresh();
    const old: Migration = { version: 1001, sql: "CREATE TABLE dbf_old (a TEXT)" };
    if (sqlite) expect(runMigrations(sqlite, [...migrations, old])).toEqual([1001]);
    else
      await expect(migratePostgres(db, [...migrations, old])).rejects.toThrow(
        "Migration 1001 has no PostgreSQL form",
      );
    const ported: Migration = { ...old, version: 1002, postgres: "CREATE TABLE dbf_ported (a TEXT)" };
    if (!sqlite) expect(await migratePostgres(db, [...migrations, ported])).toEqual([1002]);
  });
});
