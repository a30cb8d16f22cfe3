import "server-only";
import type { HistoryPage, HistoryPageRequest } from "@/lib/history/types";
import { cachedStatement } from "./cached-statement";
import type { Db } from "./db";
import { decodeHistoryCursor, encodeHistoryCursor } from "./history-cursor";
import { historyColumns, toHistoryEntry } from "./history-row";
import { historyWhere, type SqlWhere } from "./history-where";
import { linkDeployIncidents } from "./link-deploy-incidents";

export const DEFAULT_HISTORY_LIMIT = 100;
export const MAX_HISTORY_LIMIT = 1000;

/**
 * The SQL of one page, exported so tests can ask SQLite how it runs it. Keyset pagination: a page costs the
 * same however deep it is, and rows recorded meanwhile never shift the next page (as an OFFSET would).
 */
export function historyPageQuery(request: HistoryPageRequest): SqlWhere & { limit: number } {
  const cursor = request.cursor === undefined ? undefined : decodeHistoryCursor(request.cursor);
  const where = historyWhere(request, cursor);
  return {
    sql: `SELECT ${historyColumns} FROM deploy_history ${where.sql} ORDER BY at DESC, id DESC LIMIT ?`,
    values: where.values,
    limit: clampLimit(request.limit),
  };
}

/** Newest first (the later-recorded first at equal times); `nextCursor` is null on the last page. */
export function listHistory(db: Db, request: HistoryPageRequest = {}): HistoryPage {
  const { sql, values, limit } = historyPageQuery(request);
  // One row more than asked tells whether another page exists without a second query or an empty last page.
  const rows = cachedStatement(db, sql).all(...values, limit + 1);
  const entries = linkDeployIncidents(db, rows.slice(0, limit).map(toHistoryEntry));
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
