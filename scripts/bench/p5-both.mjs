// P5 on both dialects in one run: SQLite first (a file of the bench's own), then PostgreSQL (a throwaway
// cluster), the same rows and trials on each. `BENCH_ONLY=p5 npm run bench` runs this alone: it needs no engine,
// no Wharf server and no build, and so does not wait for the engines' lock.
import { ROWS, runP5History } from "./p5-history.mjs";
import { INSIGHTS_SQL, insightsRows, measureInsights } from "./p5-insights.mjs";
import { assertPortFree, runP5Postgres } from "./p5-postgres.mjs";
import { printTable } from "./report.mjs";
import { buildRows } from "./rows.mjs";

export async function runP5Both({ root, log }) {
  assertPortFree();
  const sqlite = await runP5History({
    log,
    insights: async ({ db, end }) => {
      const statement = db.prepare(INSIGHTS_SQL.sqlite);
      const figures = await measureInsights({
        dialect: "sqlite",
        read: async (from, to) => statement.all(from, to, null, null, null, null),
        end,
        log,
      });
      return insightsRows(figures, "", ROWS);
    },
  });
  return [...sqlite, ...(await runP5Postgres({ root, log }))];
}

export async function p5Only({ root, log }) {
  printTable(buildRows({ p5: await runP5Both({ root, log }) }));
}
