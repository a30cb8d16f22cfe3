import "server-only";
import type { HistoryFilter } from "@/lib/deploys/types";
import type { HistoryCursor } from "./history-cursor";

export type SqlWhere = { sql: string; values: unknown[] };

/**
 * The WHERE clause shared by the list, the CSV export and the chart, written so that SQLite walks one of the
 * (…, at DESC, id DESC) indexes and stops after a page. Without statistics SQLite rates every one-column
 * equality alike and may pick the action or outcome index — a fifth of the table each — over a host, container
 * or actor one that finds the rows at once: the unary `+` keeps those two out of the race unless nothing
 * narrower was asked for.
 */
export function historyWhere(filter: HistoryFilter, cursor?: HistoryCursor): SqlWhere {
  const conditions: string[] = [];
  const values: unknown[] = [];
  const add = (condition: string, ...params: unknown[]) => {
    conditions.push(condition);
    values.push(...params);
  };
  const narrow = filter.hostId !== undefined || filter.containerName !== undefined || filter.actor !== undefined;

  if (filter.hostId !== undefined) add("host_id = ?", filter.hostId);
  if (filter.containerName !== undefined) add("container_name = ?", filter.containerName);
  if (filter.actor !== undefined) add("actor = ?", filter.actor);
  if (filter.outcome !== undefined) {
    const column = narrow ? "+outcome" : "outcome";
    if (filter.outcome === "running") add(`${column} IS NULL`);
    else add(`${column} = ?`, filter.outcome);
  }
  if (filter.action !== undefined) {
    add(`${narrow || filter.outcome !== undefined ? "+action" : "action"} = ?`, filter.action);
  }
  if (filter.from !== undefined) add("at >= ?", filter.from);
  // Only the tighter of the two upper bounds goes in: SQLite bounds the index walk by one of them and would
  // check the other row by row, which on a deep page means walking every row above the cursor again.
  if (cursor && (filter.to === undefined || cursor.at < filter.to)) add("(at, id) < (?, ?)", cursor.at, cursor.id);
  else if (filter.to !== undefined) add("at < ?", filter.to);

  return { sql: conditions.length > 0 ? `WHERE ${conditions.join(" AND ")}` : "", values };
}
