import "server-only";
import type { Kysely } from "kysely";
import type { HistoryPage, HistoryPageRequest } from "@/lib/history/types";
import { decodeHistoryCursor, encodeHistoryCursor } from "./history-cursor";
import { historyColumns, toHistoryEntry, type HistoryTables } from "./history-table";
import { historyWhere, whereAll, type ScopedHistoryFilter } from "./history-where";
import { linkDeployIncidents } from "./link-deploy-incidents";

export const DEFAULT_HISTORY_LIMIT = 100;
export const MAX_HISTORY_LIMIT = 1000;

/**
 * The query of one page, exported so tests can ask each dialect how it runs it. Keyset pagination: a page costs
 * the same however deep it is, and rows recorded meanwhile never shift the next page (as an OFFSET would). One
 * row more than asked tells whether another page exists without a second query or an empty last page.
 */
export function historyPageQuery(
  db: Kysely<HistoryTables>,
  request: HistoryPageRequest & ScopedHistoryFilter,
) {
  const cursor = request.cursor === undefined ? undefined : decodeHistoryCursor(request.cursor);
  const limit = clampLimit(request.limit);
  const query = whereAll(
    db.selectFrom("deploy_history").select(historyColumns),
    historyWhere(db, request, cursor),
  )
    .orderBy("at", "desc")
    .orderBy("id", "desc")
    .limit(limit + 1);
  return { query, limit };
}

/** Newest first (the later-recorded first at equal times); `nextCursor` is null on the last page. */
export async function listHistory(
  db: Kysely<HistoryTables>,
  request: HistoryPageRequest & ScopedHistoryFilter = {},
): Promise<HistoryPage> {
  const { query, limit } = historyPageQuery(db, request);
  const rows = await query.execute();
  const entries = await linkDeployIncidents(db, rows.slice(0, limit).map(toHistoryEntry));
  const last = entries.at(-1);
  return {
    entries,
    nextCursor: rows.length > limit && last ? encodeHistoryCursor({ at: last.at, id: last.id }) : null,
  };
}

function clampLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_HISTORY_LIMIT;
  return Math.min(Math.max(Math.trunc(limit), 1), MAX_HISTORY_LIMIT);
}
