import { randomBytes } from "node:crypto";
import { Kysely, sql } from "kysely";
import type { Dialect } from "@/lib/db/dialect";
import { kyselyOver } from "@/lib/db/database";
import { openDb, type Db } from "@/lib/db/db";
import { openPostgres } from "@/lib/db/open-postgres";
import { openAdmin } from "./fresh-postgres";

export { freshPostgresUrl } from "./fresh-postgres";

/**
 * The dialects a test of the data layer runs on: SQLite always, PostgreSQL when WHARF_TEST_DATABASE_URL names a
 * server (npm test starts one: scripts/ensure-postgres.sh). Use with `describe.each(dialects)`.
 */
export const dialects: Dialect[] = process.env.WHARF_TEST_DATABASE_URL ? ["sqlite", "postgres"] : ["sqlite"];

export type TestDatabase = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test narrows it to the tables it reads
  db: Kysely<any>;
  /** SQLite's connection itself, for what runs on it synchronously (the migrator, legacy queries). */
  sqlite: Db | null;
  /** PostgreSQL's URL of this database, for a Wharf started on it (DATABASE_URL); null for SQLite. */
  url: string | null;
  close: () => Promise<void>;
};

/**
 * A fresh, migrated database: SQLite in memory, or a PostgreSQL database of its own (dropped on close), so
 * test files running side by side never see each other's rows.
 */
export async function freshDatabase(dialect: Dialect): Promise<TestDatabase> {
  if (dialect === "sqlite") {
    const sqlite = openDb(":memory:");
    return { db: kyselyOver(sqlite), sqlite, url: null, close: async () => void sqlite.close() };
  }
  const server = process.env.WHARF_TEST_DATABASE_URL;
  if (!server) throw new Error("WHARF_TEST_DATABASE_URL is not set: run scripts/ensure-postgres.sh");
  const name = `wharf_test_${randomBytes(6).toString("hex")}`;
  const admin = await openAdmin(server);
  await sql`CREATE DATABASE ${sql.id(name)}`.execute(admin);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString(), `${url.hostname}:${url.port}`);
  return {
    db,
    sqlite: null,
    url: url.toString(),
    close: async () => {
      await db.destroy();
      await sql`DROP DATABASE IF EXISTS ${sql.id(name)}`.execute(admin);
      await admin.destroy();
    },
  };
}

/** The PostgreSQL servers a test of the replicas runs on: the test server when there is one (for `describe.each`). */
export const postgresServers: string[] = process.env.WHARF_TEST_DATABASE_URL
  ? [process.env.WHARF_TEST_DATABASE_URL]
  : [];
