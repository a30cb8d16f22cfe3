import "server-only";
import type { HistoryAction } from "@/lib/actions/types";
import type { HistoryFilter, HistoryOutcome } from "@/lib/history/types";
import type { HistoryCursor } from "./history-cursor";

export type SqlWhere = { sql: string; values: unknown[] };

// Spelled out in the SQL, from these fixed lists and never from input: SQLite uses a partial index (migration
// 3 indexes only the rare outcomes and actions) only for a query that names a value the index covers.
const outcomeTest: Record<HistoryOutcome, string> = {
  succeeded: "= 'succeeded'",
  failed: "= 'failed'",
  "rolled-back": "= 'rolled-back'",
  "no-change": "= 'no-change'",
  running: "IS NULL",
};
const actionTest: Record<HistoryAction, string> = {
  start: "= 'start'",
  stop: "= 'stop'",
  restart: "= 'restart'",
  redeploy: "= 'redeploy'",
  rollback: "= 'rollback'",
  kill: "= 'kill'",
  pause: "= 'pause'",
  unpause: "= 'unpause'",
  remove: "= 'remove'",
  prune: "= 'prune'",
};

/**
 * The WHERE clause shared by the list, the CSV export and the chart, written so that SQLite walks one of the
 * (…, at DESC, id DESC) indexes and stops after a page. One filter leads; the others are checked on the rows
 * it finds, their column hidden from the planner by a unary `+`, because without statistics SQLite rates
 * every one-column equality alike and has been seen to walk a fifth of the table when a container index would
 * find the rows at once. Actions still running are a handful at any time, so that filter leads when given;
 * otherwise host, container or actor do, then a rare outcome, then a rare action, then the time range.
 */
export function historyWhere(filter: HistoryFilter, cursor?: HistoryCursor): SqlWhere {
  const conditions: string[] = [];
  const values: unknown[] = [];
  const add = (condition: string, ...params: unknown[]) => {
    conditions.push(condition);
    values.push(...params);
  };
  const column = (name: string, leads: boolean) => (leads ? name : `+${name}`);
  const running = filter.outcome === "running";
  const narrow =
    !running &&
    (filter.hostId !== undefined || filter.containerName !== undefined || filter.actor !== undefined);
  const rareOutcome = filter.outcome !== undefined && filter.outcome !== "succeeded";

  if (filter.hostId !== undefined) add(`${column("host_id", !running)} = ?`, filter.hostId);
  if (filter.containerName !== undefined)
    add(`${column("container_name", !running)} = ?`, filter.containerName);
  if (filter.actor !== undefined) add(`${column("actor", !running)} = ?`, filter.actor);
  if (filter.outcome !== undefined) add(`${column("outcome", !narrow)} ${outcomeTest[filter.outcome]}`);
  if (filter.action !== undefined)
    add(`${column("action", !narrow && !rareOutcome)} ${actionTest[filter.action]}`);
  // Checked on the rows the leading filter finds: neither narrows enough to lead (deploys are a fraction of a
  // history, external removes a fraction of most).
  if (filter.deploys === "only") add("+action IN ('redeploy', 'rollback')");
  if (filter.externalRemoves === "hide") add("NOT (+source = 'external' AND +action = 'remove')");
  if (filter.from !== undefined) add("at >= ?", filter.from);
  // Only the tighter of the two upper bounds goes in: SQLite bounds the index walk by one of them and would
  // check the other row by row, which on a deep page means walking every row above the cursor again.
  if (cursor && (filter.to === undefined || cursor.at < filter.to))
    add("(at, id) < (?, ?)", cursor.at, cursor.id);
  else if (filter.to !== undefined) add("at < ?", filter.to);

  return { sql: conditions.length > 0 ? `WHERE ${conditions.join(" AND ")}` : "", values };
}
