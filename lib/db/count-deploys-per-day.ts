import "server-only";
import {
  DEFAULT_TIMELINE_DAYS,
  type DeployDayCount,
  type HistoryFilter,
  type HistoryTimeline,
} from "@/lib/history/types";
import { cachedStatement } from "./cached-statement";
import type { Db } from "./db";
import { historyWhere, type SqlWhere } from "./history-where";

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

type Span = { days?: number; now?: number };

/**
 * The chart's span and SQL: at most `days` days, ending with the day of `to` (or today) and starting no
 * earlier than `from`, so a filtered range is drawn rather than this month, empty. Exported for the tests.
 */
export function deploysPerDayQuery(
  filter: HistoryFilter,
  { days = DEFAULT_TIMELINE_DAYS, now = Date.now() }: Span = {},
) {
  const lastDay = isoDay(filter.to === undefined ? now : Date.parse(filter.to) - 1);
  const earliest = isoDay(Date.parse(lastDay) - (Math.max(1, Math.trunc(days)) - 1) * DAY_MS);
  const fromDay = filter.from === undefined ? earliest : filter.from.slice(0, 10);
  const firstDay = fromDay > lastDay ? lastDay : fromDay > earliest ? fromDay : earliest;
  const since = `${firstDay}T00:00:00.000Z`;
  const where: SqlWhere = historyWhere({
    ...filter,
    from: filter.from && filter.from > since ? filter.from : since,
  });
  return {
    firstDay,
    lastDay,
    sql: `SELECT substr(at, 1, 10) AS day, host_id AS hostId, outcome, count(*) AS count FROM deploy_history ${where.sql}
     GROUP BY day, host_id, outcome ORDER BY day, host_id, outcome`,
    values: where.values,
  };
}

/** Deploys per UTC day, host and outcome (null while running), for the chart. */
export function countDeploysPerDay(db: Db, filter: HistoryFilter, span: Span = {}): HistoryTimeline {
  const { firstDay, lastDay, sql, values } = deploysPerDayQuery(filter, span);
  return { firstDay, lastDay, days: cachedStatement(db, sql).all(...values) as DeployDayCount[] };
}
