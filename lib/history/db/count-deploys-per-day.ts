import "server-only";
import { sql, type Kysely } from "kysely";
import { DEFAULT_TIMELINE_DAYS, type DeployDayCount, type HistoryTimeline } from "@/lib/history/types";
import type { HistoryTables } from "./history-table";
import { historyWhere, whereAll, type ScopedHistoryFilter } from "./history-where";

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

type Span = { days?: number; now?: number };

/**
 * The chart's span and query: at most `days` days, ending with the day of `to` (or today) and starting no
 * earlier than `from`, so a filtered range is drawn rather than this month, empty. Exported for the tests.
 */
export function deploysPerDayQuery(
  db: Kysely<HistoryTables>,
  filter: ScopedHistoryFilter,
  { days = DEFAULT_TIMELINE_DAYS, now = Date.now() }: Span = {},
) {
  const lastDay = isoDay(filter.to === undefined ? now : Date.parse(filter.to) - 1);
  const earliest = isoDay(Date.parse(lastDay) - (Math.max(1, Math.trunc(days)) - 1) * DAY_MS);
  const fromDay = filter.from === undefined ? earliest : filter.from.slice(0, 10);
  const firstDay = fromDay > lastDay ? lastDay : fromDay > earliest ? fromDay : earliest;
  const since = `${firstDay}T00:00:00.000Z`;
  const conditions = historyWhere(db, {
    ...filter,
    from: filter.from && filter.from > since ? filter.from : since,
  });
  const day = sql<string>`substr(${sql.ref("at")}, 1, 10)`;
  const query = whereAll(
    db
      .selectFrom("deploy_history")
      .select((eb) => [day.as("day"), "host_id as hostId", "outcome", eb.fn.countAll<number>().as("count")]),
    conditions,
  )
    .groupBy([day, "host_id", "outcome"])
    .orderBy("day")
    .orderBy("host_id")
    // Running (null) first on both dialects, as SQLite sorts it.
    .orderBy("outcome", (ob) => ob.asc().nullsFirst());
  return { firstDay, lastDay, query };
}

/** Deploys per UTC day, host and outcome (null while running), for the chart. */
export async function countDeploysPerDay(
  db: Kysely<HistoryTables>,
  filter: ScopedHistoryFilter,
  span: Span = {},
): Promise<HistoryTimeline> {
  const { firstDay, lastDay, query } = deploysPerDayQuery(db, filter, span);
  const days: DeployDayCount[] = await query.execute();
  return { firstDay, lastDay, days };
}
