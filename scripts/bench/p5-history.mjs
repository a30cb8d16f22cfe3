// P5 — the deploy history's filtered queries over 1,000,000 rows: a year of a busy fleet's actions in a
// temporary SQLite file with Wharf's schema, then the newest page (LIMIT 100) for a host + container, an actor
// and a date range, each over many trials with different values. No engine and no server is involved: this is
// the database's share of `GET /api/history`, the part that grows with the history.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { DatabaseSync } from "node:sqlite";
import { summarize } from "./stats.mjs";

// Copied from lib/db/migration-8-external-actions.ts (the deploy_history table as rebuilt, and its indexes), with
// the columns migrations 11 and 14 add as SQLite appends them and migration 18's wider action CHECK, so
// the bench runs without compiling TypeScript; lib/history/db/p5-bench.test.ts fails when the two drift apart.
// The quotes are how SQLite records a renamed table's SQL.
export const P5_SCHEMA = `
  CREATE TABLE "deploy_history" (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('ui', 'api', 'autoheal', 'external')),
    action TEXT NOT NULL CHECK (action IN ('start', 'stop', 'restart', 'redeploy', 'rollback', 'kill', 'pause', 'unpause', 'remove', 'prune')),
    host_id TEXT NOT NULL,
    container_name TEXT NOT NULL,
    container_id_before TEXT,
    container_id_after TEXT,
    image_ref TEXT,
    image_id_before TEXT,
    image_id_after TEXT,
    digest_before TEXT,
    digest_after TEXT,
    config_diff TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(config_diff)),
    outcome TEXT CHECK (outcome IN ('succeeded', 'failed', 'rolled-back', 'no-change')),
    error TEXT,
    duration_ms INTEGER,
    crashed_after INTEGER,
    detail TEXT
  , project TEXT, service TEXT, provenance_before TEXT
    CHECK (provenance_before IS NULL OR json_valid(provenance_before)), provenance_after TEXT
    CHECK (provenance_after IS NULL OR json_valid(provenance_after)), steps TEXT NOT NULL DEFAULT '[]'
    CHECK (json_valid(steps) AND json_type(steps) = 'array'), image_ref_before TEXT);
  CREATE INDEX deploy_history_by_container ON deploy_history (host_id, container_name, at DESC, id DESC);
  CREATE INDEX deploy_history_by_actor ON deploy_history (actor, at DESC, id DESC);
  CREATE INDEX deploy_history_by_time ON deploy_history (at DESC, id DESC);
  CREATE INDEX deploy_history_by_host ON deploy_history (host_id, at DESC, id DESC);
  CREATE INDEX deploy_history_by_container_name ON deploy_history (container_name, at DESC, id DESC);
  CREATE INDEX deploy_history_by_rare_outcome ON deploy_history (outcome, at DESC, id DESC)
    WHERE outcome IS NULL OR outcome = 'failed' OR outcome = 'rolled-back' OR outcome = 'no-change';
  CREATE INDEX deploy_history_by_rare_action ON deploy_history (action, at DESC, id DESC)
    WHERE action = 'start' OR action = 'stop' OR action = 'rollback';
  CREATE INDEX deploy_history_unsettled ON deploy_history (at) WHERE crashed_after IS NULL AND outcome = 'succeeded';
  CREATE INDEX deploy_history_deploys ON deploy_history (at, id) WHERE action = 'redeploy';
`;

// The SQL listHistory (lib/history/db/list-history.ts) and countDeploysPerDay compile to on SQLite for these
// filters; lib/history/db/p5-bench.test.ts checks it. The last parameter is the page size plus one
// (listHistory's "is there a next page").
const COLUMNS = [
  "id",
  "at",
  "actor",
  "source",
  "action",
  "host_id",
  "container_name",
  "container_id_before",
  "container_id_after",
  "image_ref",
  "image_id_before",
  "image_id_after",
  "digest_before",
  "digest_after",
  "config_diff",
  "outcome",
  "error",
  "duration_ms",
  "crashed_after",
  "detail",
  "project",
  "service",
  "provenance_before",
  "provenance_after",
  "steps",
  "image_ref_before",
]
  .map((column) => `"${column}"`)
  .join(", ");
const page = (where) =>
  `select ${COLUMNS} from "deploy_history" where ${where} order by "at" desc, "id" desc limit ?`;
export const P5_SQL = {
  hostContainer: page(`"host_id" = ? and "container_name" = ?`),
  actor: page(`"actor" = ?`),
  dateRange: page(`"at" >= ? and "at" < ?`),
  timeline: `select substr("at", 1, 10) as "day", "host_id" as "hostId", "outcome", count(*) as "count"
     from "deploy_history" where "at" >= ? group by substr("at", 1, 10), "host_id", "outcome"
     order by "day", "host_id", "outcome" asc nulls first`,
};

const ROWS = 1_000_000;
const TRIALS = 40;
const LIMIT = 100;
const DAY_MS = 86_400_000;

/** A seeded generator, so every run benches the same history. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function weighted(rand, entries) {
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  return () => {
    let r = rand() * total;
    for (const [value, weight] of entries) if ((r -= weight) < 0) return value;
    return entries.at(-1)[0];
  };
}

/**
 * A fleet's year: 8 hosts, 400 containers (a few deployed daily, most rarely: Zipf-like), 4 people, a CI bot,
 * autoheal and the odd `docker` CLI user; mostly redeploys and restarts, mostly successful.
 */
function makeFleet(rand) {
  const hosts = [
    "prod-eu-1",
    "prod-eu-2",
    "prod-us-1",
    "prod-us-2",
    "prod-ap-1",
    "staging",
    "edge-1",
    "batch",
  ];
  const services = [
    "api",
    "web",
    "worker",
    "cron",
    "cache",
    "search",
    "auth",
    "billing",
    "mailer",
    "gateway",
  ];
  const containers = Array.from({ length: 400 }, (_, i) => ({
    host: hosts[i % hosts.length],
    name: `${services[i % services.length]}-${Math.floor(i / services.length) + 1}`,
    image: `registry.example.com/${services[i % services.length]}`,
    weight: 1 / (i + 1) ** 0.8,
  }));
  const hex = (n) => Array.from({ length: n }, () => Math.floor(rand() * 16).toString(16)).join("");
  const digests = Array.from({ length: 4096 }, () => `sha256:${hex(64)}`);
  return {
    hosts,
    containers,
    container: weighted(
      rand,
      containers.map((c) => [c, c.weight]),
    ),
    actor: weighted(rand, [
      ["alice", 20],
      ["bob", 15],
      ["carol", 10],
      ["dave", 5],
      ["ci-deploy", 35],
      ["autoheal", 12],
      ["docker-cli", 3],
    ]),
    action: weighted(rand, [
      ["redeploy", 55],
      ["restart", 25],
      ["start", 8],
      ["stop", 6],
      ["rollback", 6],
    ]),
    outcome: weighted(rand, [
      ["succeeded", 86],
      ["no-change", 6],
      ["failed", 5],
      ["rolled-back", 3],
    ]),
    digest: () => digests[Math.floor(rand() * digests.length)],
  };
}

function sourceOf(actor) {
  if (actor === "autoheal") return "autoheal";
  if (actor === "ci-deploy") return "api";
  return actor === "docker-cli" ? "external" : "ui";
}

/**
 * The bench's year of history: the fleet first, then the rows in time order, each as INSERT_COLUMNS' values.
 * Both dialects' runs draw from the same seed in the same order, so they hold the same rows and the same trials.
 */
export function makeHistory(rand, { start, end }) {
  const fleet = makeFleet(rand);
  function* rows() {
    // History rows are written when an action starts, so ids grow with `at`; whole seconds give some equal times.
    const times = new Float64Array(ROWS);
    for (let i = 0; i < ROWS; i++) times[i] = Math.floor((start + rand() * (end - start)) / 1000) * 1000;
    times.sort();
    const diff = JSON.stringify([{ field: "Env", before: ["LOG_LEVEL=info"], after: ["LOG_LEVEL=debug"] }]);
    for (let i = 0; i < ROWS; i++) {
      const c = fleet.container();
      const actor = fleet.actor();
      const action = actor === "autoheal" ? "restart" : fleet.action();
      // The last few are still running, as at any moment on a live server.
      const outcome =
        i >= ROWS - 3
          ? null
          : action === "redeploy" || action === "rollback"
            ? fleet.outcome()
            : rand() < 0.97
              ? "succeeded"
              : "failed";
      const deploy = action === "redeploy" || action === "rollback";
      const before = fleet.digest();
      const after = deploy && outcome === "succeeded" ? fleet.digest() : before;
      yield [
        new Date(times[i]).toISOString(),
        actor,
        sourceOf(actor),
        action,
        c.host,
        c.name,
        fleet.digest().slice(7),
        deploy ? fleet.digest().slice(7) : null,
        `${c.image}:1.${Math.floor(i / 5000)}.${i % 7}`,
        before,
        after,
        before,
        after,
        deploy && rand() < 0.1 ? diff : "[]",
        outcome,
        outcome === "failed" ? `pull ${c.image}:1.${Math.floor(i / 5000)}: manifest unknown` : null,
        outcome === null ? null : Math.floor(300 + rand() * (deploy ? 60_000 : 12_000)),
        outcome === "succeeded" && action !== "stop" ? (rand() < 0.02 ? 1 : 0) : null,
      ];
    }
  }
  return { fleet, rows };
}

export const INSERT_COLUMNS = [
  "at",
  "actor",
  "source",
  "action",
  "host_id",
  "container_name",
  "container_id_before",
  "container_id_after",
  "image_ref",
  "image_id_before",
  "image_id_after",
  "digest_before",
  "digest_after",
  "config_diff",
  "outcome",
  "error",
  "duration_ms",
  "crashed_after",
];

/** The bench's year, and the seed its rows and trials are drawn from. */
export function benchYear() {
  const end = Date.parse("2026-01-01T00:00:00.000Z");
  return { rand: random(5), start: end - 365 * DAY_MS, end };
}

function fill(db, rand, range) {
  const history = makeHistory(rand, range);
  const insert = db.prepare(
    `INSERT INTO deploy_history (${INSERT_COLUMNS.join(", ")}) VALUES (${INSERT_COLUMNS.map(() => "?").join(", ")})`,
  );
  db.exec("BEGIN");
  for (const values of history.rows()) insert.run(...values);
  db.exec("COMMIT");
  return history.fleet;
}

/** Each query's trials: parameters drawn from the same generator, so both dialects get the same ones. */
export function makeDraws(fleet, rand, { start, end }) {
  return {
    // Any container, busy or rarely touched: the pick is uniform over containers, not weighted like the data.
    hostContainer: () => {
      const c = fleet.containers[Math.floor(rand() * fleet.containers.length)];
      return [c.host, c.name, LIMIT + 1];
    },
    actor: () => [fleet.actor(), LIMIT + 1],
    // A week somewhere in the year.
    dateRange: () => {
      const from = start + Math.floor(rand() * 358) * DAY_MS;
      return [new Date(from).toISOString(), new Date(from + 7 * DAY_MS).toISOString(), LIMIT + 1];
    },
    // The chart's default: the last 30 days, no filter.
    timeline: () => [new Date(end - 30 * DAY_MS).toISOString()],
  };
}

/** Times `run(name, values)` (which resolves once every row is read) over each draw: 3 warm-ups, then TRIALS. */
export async function measure(draws, run, { log, label }) {
  const figures = {};
  for (const [name, draw] of Object.entries(draws)) {
    for (let i = 0; i < 3; i++) await run(name, draw());
    const times = [];
    for (let i = 0; i < TRIALS; i++) {
      const values = draw();
      const started = performance.now();
      await run(name, values);
      times.push(performance.now() - started);
    }
    figures[name] = summarize(times);
    log(
      `${label}: ${name} median ${figures[name].median.toFixed(2)} ms, p95 ${figures[name].p95.toFixed(2)} ms`,
    );
  }
  return figures;
}

/** The report's rows for one dialect's figures; `dialect` prefixes their names (SQLite's keep the old ones). */
export function p5Rows(figures, dialect = "") {
  const n = ROWS.toLocaleString("en-US");
  const baseline = { what: "n/a", fig: null };
  const row = (what, fig) => ({
    id: "P5",
    what: `${dialect}${what}`,
    unit: "ms",
    fig,
    baseline,
    goal: "≤ 50 ms",
    met: fig.median <= 50 && fig.p95 <= 50,
  });
  return [
    row(`history: newest ${LIMIT} of one host + container, ${n} rows`, figures.hostContainer),
    row(`history: newest ${LIMIT} by one actor, ${n} rows`, figures.actor),
    row(`history: newest ${LIMIT} in a 7-day range, ${n} rows`, figures.dateRange),
    {
      ...row(
        `history chart: per day, host and outcome, last 30 days (~${Math.round(ROWS / 12.2).toLocaleString("en-US")} rows), ${n} rows`,
        figures.timeline,
      ),
      goal: "—",
      met: null,
    },
  ];
}

/**
 * Measures P5 on SQLite; returns rows in the shape scripts/bench/report.mjs prints. `insights` (optional) also
 * times /api/insights' reads on the same rows (scripts/bench/p5-insights.mjs).
 */
export async function runP5History({ log = console.log, insights } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "wharf-bench-p5-"));
  const db = new DatabaseSync(path.join(dir, "wharf.db"));
  try {
    // The pragmas openDb sets (lib/db/db.ts).
    db.exec("PRAGMA journal_mode = WAL");
    db.exec("PRAGMA foreign_keys = ON");
    db.exec("PRAGMA busy_timeout = 5000");
    db.exec(P5_SCHEMA);

    const { rand, start, end } = benchYear();
    log(`P5 history: inserting ${ROWS.toLocaleString("en-US")} rows (one transaction)…`);
    const filling = performance.now();
    const fleet = fill(db, rand, { start, end });
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    log(`P5 history: inserted in ${((performance.now() - filling) / 1000).toFixed(1)} s`);

    const statements = Object.fromEntries(
      Object.entries(P5_SQL).map(([name, sql]) => [name, db.prepare(sql)]),
    );
    const figures = await measure(
      makeDraws(fleet, rand, { start, end }),
      async (name, values) => void statements[name].all(...values),
      { log, label: "P5 history" },
    );
    const rows = p5Rows(figures);
    if (insights) rows.push(...(await insights({ db, end })));
    return rows;
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// For the PostgreSQL run of the same history (scripts/bench/p5-postgres.mjs).
export { ROWS, TRIALS, DAY_MS };
