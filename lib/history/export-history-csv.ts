import "server-only";
import type { Access } from "@/lib/core/access-rule";
import { getDatabase } from "@/lib/db/database";
import type { HistoryTables } from "./db/history-table";
import { listHistory } from "./db/list-history";
import { historyCsvHeader, historyCsvLine } from "./history-csv";
import type { HistoryFilterQuery } from "./schemas";
import { toHistoryFilter } from "./to-history-filter";
import type { HistoryPage } from "./types";

const PAGE_SIZE = 1000;

/**
 * Every matching row as CSV, newest first, streamed a page at a time. A page is read whole before it is sent:
 * an open cursor would keep a connection (on SQLite, the one shared connection) busy for as long as the download lasts, and
 * every write (incidents, actions) would fail meanwhile. Rows recorded during the download are newer than
 * its cursor and are left out, so the file is the history as it stood when the export began.
 */
export async function exportHistoryCsv(query: HistoryFilterQuery, access?: Access): Promise<Response> {
  const filter = toHistoryFilter(query, access);
  const db = await getDatabase<HistoryTables>();
  // The first page is read now, so a failing database answers with the error shape rather than a cut file.
  let next: HistoryPage | null = await listHistory(db, { ...filter, limit: PAGE_SIZE });
  let head = historyCsvHeader();
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (next === null) return controller.close();
      const page: HistoryPage = next;
      controller.enqueue(encoder.encode(head + page.entries.map(historyCsvLine).join("")));
      head = "";
      next =
        page.nextCursor === null
          ? null
          : await listHistory(db, { ...filter, limit: PAGE_SIZE, cursor: page.nextCursor });
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="wharf-history.csv"',
      "cache-control": "no-store",
    },
  });
}
