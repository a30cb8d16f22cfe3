import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DatabaseSync } from "node:sqlite";
import type { Kysely } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects } from "@/tests/support/dialects";
import { copyDatabase } from "./copy-database";
import { openDb } from "./db";
import { migrations } from "./migrations";
import { openPostgres } from "./open-postgres";
import { pluck } from "./sqlite-statements";

const root = path.join(__dirname, "../..");
// A database written by the release before the data layer, with rows in every table.
const dump = fs.readFileSync(path.join(root, "tests/fixtures/wharf-db-v12.sql"), "utf8");
const server = process.env.WHARF_TEST_DATABASE_URL;

/** An empty PostgreSQL database of its own (not migrated: db:copy does that), dropped by `drop`. */
async function emptyDatabase() {
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  const name = `dbt_copy_${randomBytes(6).toString("hex")}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(server!);
  url.pathname = `/${name}`;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test reads every table by name
  let open: Kysely<any> | undefined;
  return {
    url: url.toString(),
    /** Wharf's own connection to it (which migrates it, as a Wharf starting there would). */
    open: async () => (open ??= await openPostgres(url.toString(), url.host)),
    drop: async () => {
      await open?.destroy();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

const tablesOf = (db: DatabaseSync) =>
  pluck(
    db.prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'schema_migrations' ORDER BY name",
    ),
  ).all() as string[];
// Both sides in one order, whatever order each stored them in.
const sorted = (rows: unknown[]) =>
  rows.map((row) => JSON.stringify(row, Object.keys(row as object).sort())).sort();

describe.each(dialects.filter((d) => d === "postgres"))("npm run db:copy into %s", () => {
  let dir: string;
  let source: string;
  let target: Awaited<ReturnType<typeof emptyDatabase>>;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "dbt-copy-"));
    source = path.join(dir, "wharf.db");
    const made = new DatabaseSync(source);
    made.exec(dump);
    made.close();
    // Upgraded in place, as the first start of this Wharf does; the tables added since version 12 get a row each.
    const upgraded = openDb(source);
    upgraded
      .prepare(
        "INSERT INTO container_exits (host_id, container_id, code, oom, cause, at) VALUES (?, ?, ?, ?, ?, ?)",
      )
      .run("alpha", "c0ffee01", 137, 1, "oom", "2026-11-04T10:00:00.000Z");
    const at = "2026-11-04T10:00:00.000Z";
    const team = upgraded
      .prepare("INSERT INTO teams (name, created_at, created_by) VALUES (?, ?, ?)")
      .run("shop", at, "admin").lastInsertRowid;
    const user = pluck(upgraded.prepare("SELECT min(id) FROM users")).get();
    upgraded
      .prepare("INSERT INTO team_members (team_id, user_id, source, added_at) VALUES (?, ?, 'local', ?)")
      .run(team, user as number, at);
    upgraded
      .prepare(
        "INSERT INTO grants (team_id, role, scope, created_at, created_by) VALUES (?, 'operator', ?, ?, ?)",
      )
      .run(team, JSON.stringify({ projects: ["shop"] }), at, "admin");
    upgraded.close();
    target = await emptyDatabase();
  });
  afterAll(async () => {
    await target?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const run = (...args: string[]) =>
    spawnSync(process.execPath, [path.join(root, "scripts/db-copy.mjs"), ...args], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, DATA_DIR: dir },
    });

  it("copies every row of every table with its id, and prints each table's rows in both", async () => {
    const copied = run("--to", target.url);
    expect(copied.stderr).toBe("");
    expect(copied.status).toBe(0);
    const sqlite = new DatabaseSync(source, { readOnly: true });
    try {
      const tables = tablesOf(sqlite);
      const count = (table: string) =>
        pluck(sqlite.prepare(`SELECT count(*) FROM "${table}"`)).get() as number;
      const printed = copied.stdout.split("\n").filter((line) => /^\w+: /.test(line));
      expect(printed.sort()).toEqual(tables.map((t) => `${t}: ${count(t)} → ${count(t)}`).sort());
      const db = await target.open();
      for (const table of tables) {
        const rows = sqlite.prepare(`SELECT * FROM "${table}"`).all();
        expect(rows.length, table).toBeGreaterThan(0);
        expect(sorted(await db.selectFrom(table).selectAll().execute()), table).toEqual(sorted(rows));
      }
      const versions = await db
        .selectFrom("schema_migrations")
        .select("version")
        .orderBy("version")
        .execute();
      expect(versions.map((v) => v.version)).toEqual(migrations.map((m) => m.version));
    } finally {
      sqlite.close();
    }
  });

  it("lets the next insert take the id after the copied ones", async () => {
    const db = await target.open();
    const { max } = await db
      .selectFrom("audit_log")
      .select((eb) => eb.fn.max("id").as("max"))
      .executeTakeFirstOrThrow();
    const { id } = await db
      .insertInto("audit_log")
      .values({ at: new Date().toISOString(), actor: "dbt", action: "login" })
      .returning("id")
      .executeTakeFirstOrThrow();
    expect(id).toBe(Number(max) + 1);
  });

  it("refuses to copy into a database that has rows, naming the table, and changes nothing", async () => {
    const db = await target.open();
    const before = await db
      .selectFrom("deploy_history")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    const again = run("--from", source, "--to", target.url);
    expect(again.status).toBe(1);
    expect(again.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(
        /^\[db:copy\] The database at 127\.0\.0\.1:\d+\/dbt_copy_\w+ already has rows in "\w+": db:copy copies only into an empty database/,
      ),
    ]);
    const after = await db
      .selectFrom("deploy_history")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    expect(after).toEqual(before);
  });

  it("refuses a database where a Wharf has already made its admin", async () => {
    const other = await emptyDatabase();
    try {
      const db = await other.open();
      await db
        .insertInto("users")
        .values({
          username: "admin",
          password_hash: "x",
          role: "admin",
          created_at: new Date().toISOString(),
        })
        .execute();
      await expect(copyDatabase({ from: source, to: other.url })).rejects.toMatchObject({
        code: "CONFLICT",
        message: expect.stringContaining('already has rows in "users"'),
      });
      expect(await db.selectFrom("deploy_history").selectAll().execute()).toEqual([]);
    } finally {
      await other.drop();
    }
  });

  it("refuses a source at another schema version than this Wharf's, saying both, before touching the target", async () => {
    const old = path.join(dir, "v12.db");
    const made = new DatabaseSync(old);
    made.exec(dump);
    made.close();
    const other = await emptyDatabase();
    try {
      const latest = Math.max(...migrations.map((m) => m.version));
      await expect(copyDatabase({ from: old, to: other.url })).rejects.toMatchObject({
        code: "VALIDATION",
        message: `The database at ${old} is at schema version 12 and this Wharf's is ${latest}: start this Wharf on it once (it upgrades the file in place), stop it, then copy`,
      });
      const admin = new pg.Client({ connectionString: other.url });
      await admin.connect();
      const { rows } = await admin.query(
        "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = current_schema()",
      );
      await admin.end();
      expect(rows).toEqual([{ n: 0 }]);
    } finally {
      await other.drop();
    }
  });

  it("says what is wrong with the command line, or with a source that is not there", () => {
    expect(run("--to").stderr).toContain("[db:copy] --to needs a value");
    expect(run("--to", "mysql://x@127.0.0.1/wharf").stderr).toContain(
      "[db:copy] --to must be a postgres:// URL (got mysql://)",
    );
    const missing = run("--from", path.join(dir, "nothing.db"), "--to", target.url);
    expect(missing.status).toBe(1);
    expect(missing.stderr.trim()).toBe(
      `[db:copy] No database at ${path.join(dir, "nothing.db")}: name it with --from FILE, or set DATA_DIR to the folder that holds wharf.db`,
    );
  });
});
