// P5 on PostgreSQL: the same 1,000,000 history rows (same seed, same order) in a database migrated by Wharf's own
// migrations on a throwaway cluster (scripts/ensure-postgres.sh, on a port of the bench's own), then the same
// queries with the same trials as on SQLite: P5_SQL with PostgreSQL's placeholders, which is what the typed
// layer compiles for these filters there. The cluster is stopped and its folder removed at the end.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import "../lib-loader/register.mjs";
import {
  benchYear,
  INSERT_COLUMNS,
  makeDraws,
  makeHistory,
  measure,
  P5_SQL,
  p5Rows,
  ROWS,
} from "./p5-history.mjs";
import { INSIGHTS_SQL, insightsRows, measureInsights } from "./p5-insights.mjs";

/** BENCH_PG_PORT, else 5440: never the tests' cluster (5433 or WHARF_PG_PORT). */
export const PORT = Number(process.env.BENCH_PG_PORT) || 5440;
const DATABASE = "wharf_bench_p5";
// Rows a statement: one array per column (unnest), so a million rows are 50 statements, not a million.
const BATCH = 20_000;
const TYPES = { duration_ms: "int4", crashed_after: "int4" };

const placeholders = (sql) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

/**
 * ensure-postgres.sh hands over a cluster that already runs on its port, and this run stops and deletes its cluster
 * at the end: never someone else's (a test run's, another checkout's).
 */
export function assertPortFree() {
  if (existsSync(`/var/tmp/wharf-postgres-${PORT}/data/postmaster.pid`)) {
    throw new Error(
      `a PostgreSQL cluster already runs on port ${PORT}, and the bench deletes its own when done: set BENCH_PG_PORT to a free port`,
    );
  }
}

export async function runP5Postgres({ root, log = console.log }) {
  const script = (name, ...args) =>
    execFileSync("bash", [path.join(root, "scripts", name), ...args], { encoding: "utf8" }).trim();
  assertPortFree();
  log(`P5 PostgreSQL: a throwaway cluster on 127.0.0.1:${PORT} (scripts/ensure-postgres.sh)`);
  const server = script("ensure-postgres.sh", String(PORT));
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  let pool = null;
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${DATABASE}`);
    await admin.query(`CREATE DATABASE ${DATABASE}`);
    const url = new URL(server);
    url.pathname = `/${DATABASE}`;
    // Wharf's schema as Wharf makes it: its migrations, through its own opener (lib/db/open-postgres.ts).
    const { openPostgres } = await import("../../lib/db/open-postgres.ts");
    await (await openPostgres(url.toString(), url.host)).destroy();
    pool = new pg.Pool({ connectionString: url.toString(), max: 1 });

    const { rand, start, end } = benchYear();
    const history = makeHistory(rand, { start, end });
    log(
      `P5 PostgreSQL: inserting ${ROWS.toLocaleString("en-US")} rows (one transaction, ${BATCH.toLocaleString("en-US")} a statement)…`,
    );
    const filling = performance.now();
    await load(pool, history.rows());
    log(`P5 PostgreSQL: inserted in ${((performance.now() - filling) / 1000).toFixed(1)} s; VACUUM ANALYZE…`);
    // What autovacuum does on its own a little later on a live server: statistics for the planner and the
    // visibility map for index-only scans.
    await pool.query("VACUUM ANALYZE deploy_history");

    const statements = Object.fromEntries(
      Object.entries(P5_SQL).map(([name, sql]) => [name, placeholders(sql)]),
    );
    const figures = await measure(
      makeDraws(history.fleet, rand, { start, end }),
      async (name, values) => void (await pool.query(statements[name], values)),
      { log, label: "P5 PostgreSQL" },
    );
    const insights = await measureInsights({
      dialect: "postgres",
      read: async (from, to) => (await pool.query(INSIGHTS_SQL.postgres, [from, to])).rows,
      end,
      log,
    });
    return [...p5Rows(figures, "PostgreSQL: "), ...insightsRows(insights, "PostgreSQL: ", ROWS)];
  } finally {
    await pool?.end();
    await admin.end();
    log(script("stop-postgres.sh", String(PORT), "--purge"));
  }
}

async function load(pool, rows) {
  const casts = INSERT_COLUMNS.map((column, i) => `$${i + 1}::${TYPES[column] ?? "text"}[]`);
  const insert = `INSERT INTO deploy_history (${INSERT_COLUMNS.join(", ")}) SELECT * FROM unnest(${casts.join(", ")})`;
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    let columns = INSERT_COLUMNS.map(() => []);
    const flush = async () => {
      if (columns[0].length > 0) await client.query(insert, columns);
      columns = INSERT_COLUMNS.map(() => []);
    };
    for (const values of rows) {
      values.forEach((value, i) => columns[i].push(value));
      if (columns[0].length >= BATCH) await flush();
    }
    await flush();
    await client.query("COMMIT");
  } finally {
    client.release();
  }
}
