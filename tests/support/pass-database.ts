// The PostgreSQL pass's databases: every Wharf a test starts (unless it names its own DATABASE_URL) gets a fresh
// database on WHARF_TEST_DATABASE_URL's server, bound to its data folder the way SQLite's file is: a restart on the
// same folder finds the same rows, a folder a test empties starts from nothing.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { TEST_RUN } from "./fleet";

const MARKER = "test-database-url";
const created: string[] = [];

/** This pass's databases are named after its run label: a later run sweeps what a killed one left. */
const prefix = `wharf_it_${TEST_RUN.toLowerCase().replace(/[^a-z0-9]/g, "_")}_`;

function server(): string {
  const url = process.env.WHARF_TEST_DATABASE_URL;
  if (!url) throw new Error("WHARF_TEST_DATABASE_URL is not set: run scripts/ensure-postgres.sh");
  return url;
}

async function onServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: server() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * The DATABASE_URL of the Wharf on `dataDir`: the database made for that folder, or a new one. A folder an earlier
 * run left (its database dropped since) gets an empty one again, as a SQLite folder whose file was removed would.
 */
export async function databaseFor(dataDir: string): Promise<string> {
  const marker = path.join(dataDir, MARKER);
  const name = existsSync(marker)
    ? readFileSync(marker, "utf8").trim()
    : `${prefix}${randomBytes(5).toString("hex")}`;
  if (!/^wharf_it_[a-z0-9_]+$/.test(name)) throw new Error(`${marker} names no test database: ${name}`);
  await onServer(async (client) => {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (rowCount) return;
    await client.query(`CREATE DATABASE "${name}"`);
    created.push(name);
  });
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  writeFileSync(marker, name);
  const url = new URL(server());
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops the databases this test file made (WITH FORCE: a server a test left running holds connections). */
export async function dropFileDatabases(): Promise<void> {
  const names = created.splice(0);
  if (names.length === 0) return;
  await onServer(async (client) => {
    for (const name of names) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
}

/** Drops every database of this pass's label: at the start, what a killed run left; at the end, the rest. */
export async function dropPassDatabases(): Promise<void> {
  await onServer(async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE starts_with(datname, $1)",
      [prefix],
    );
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
}
