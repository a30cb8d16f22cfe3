import "server-only";
import { getDatabase } from "@/lib/db/database";
import type { HistoryTables } from "./db/history-table";
import { listHistory } from "./db/list-history";
import type { HistoryListQuery } from "./schemas";
import { toHistoryFilter } from "./to-history-filter";
import type { HistoryPage } from "./types";

export async function listDeployHistory(query: HistoryListQuery): Promise<HistoryPage> {
  const db = await getDatabase<HistoryTables>();
  return listHistory(db, { ...toHistoryFilter(query), limit: query.limit, cursor: query.cursor });
}
