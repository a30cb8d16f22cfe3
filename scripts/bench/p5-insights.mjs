// /api/insights' reads over P5's 1,000,000 rows: the default view (the last 30 days) asks for the settled
// redeploys of those 30 days and of the 30 before (its trend), then computes the figures in JS
// (lib/insights/compute-insights.ts, imported as is). The SQL is what lib/db/list-deploy-facts.ts runs today on
// SQLite, and, for PostgreSQL, that query as the typed layer spells it there (branch dbhistory, being converted
// while this was written: no PostgreSQL form exists on main yet). No incidents: P5's database holds history only.
import "../lib-loader/register.mjs";
import { summarize } from "./stats.mjs";

const DAY_MS = 86_400_000;
const TRIALS = 10;

export const INSIGHTS_SQL = {
  sqlite: `SELECT at, host_id AS hostId, container_name AS containerName, project, service, outcome,
       crashed_after AS crashedAfter, json_extract(provenance_after, '$.created') AS imageCreated
     FROM deploy_history
     WHERE action = 'redeploy' AND at >= ? AND at < ? AND +outcome IN ('succeeded', 'failed', 'rolled-back')
       AND (? IS NULL OR +host_id = ?) AND (? IS NULL OR +project = ?)
     ORDER BY at, id`,
  postgres: `select "at", "host_id", "container_name", "project", "service", "outcome", "crashed_after",
       (provenance_after::jsonb ->> 'created') as "image_created"
     from "deploy_history"
     where "action" = 'redeploy' and "at" >= $1 and "at" < $2 and "outcome" in ('succeeded', 'failed', 'rolled-back')
     order by "at", "id"`,
};

const fromSqlite = (row) => ({
  ...row,
  crashedAfter: row.crashedAfter === null ? null : row.crashedAfter === 1,
});
const fromPostgres = (row) => ({
  at: row.at,
  hostId: row.host_id,
  containerName: row.container_name,
  project: row.project,
  service: row.service,
  outcome: row.outcome,
  crashedAfter: row.crashed_after === null ? null : row.crashed_after === 1,
  imageCreated: row.image_created,
});

/**
 * Times the reads alone and the reads with the figures, TRIALS times each. `read(from, to)` resolves to the
 * rows as the dialect returns them.
 */
export async function measureInsights({ dialect, read, end, log }) {
  const { computeInsights } = await import("../../lib/insights/compute-insights.ts");
  const to = new Date(end).toISOString();
  const from = new Date(end - 30 * DAY_MS).toISOString();
  const previousFrom = new Date(end - 60 * DAY_MS).toISOString();
  const toFact = dialect === "postgres" ? fromPostgres : fromSqlite;
  const reads = [];
  const whole = [];
  let facts = 0;
  for (let i = 0; i < TRIALS + 2; i++) {
    const started = performance.now();
    const deploys = (await read(previousFrom, to)).map(toFact);
    const read_ = performance.now();
    computeInsights({ from, to, deploys, incidents: [] });
    const done = performance.now();
    facts = deploys.length;
    // The first two warm the caches.
    if (i >= 2) {
      reads.push(read_ - started);
      whole.push(done - started);
    }
  }
  const figures = { read: summarize(reads), whole: summarize(whole), facts };
  log(
    `P5 insights (${dialect}): read median ${figures.read.median.toFixed(0)} ms, with the figures ${figures.whole.median.toFixed(0)} ms (${facts.toLocaleString("en-US")} redeploys)`,
  );
  return figures;
}

/** The report's rows for one dialect's insights figures. */
export function insightsRows(figures, dialect, rows) {
  const n = rows.toLocaleString("en-US");
  const row = (what, fig) => ({
    id: "P5",
    what: `${dialect}insights, last 30 days (and the 30 before: ${figures.facts.toLocaleString("en-US")} redeploys), ${what}, ${n} rows`,
    unit: "ms",
    fig,
    baseline: { what: "n/a", fig: null },
    goal: "≤ 500 ms",
    met: fig.median <= 500 && fig.p95 <= 500,
  });
  return [row("the read", figures.read), row("read + figures", figures.whole)];
}
