import "server-only";
import type { Access } from "@/lib/core/access-rule";
import { getDatabase } from "@/lib/db/database";
import type { HistoryTables } from "./db/history-table";
import { listHistory } from "./db/list-history";
import type { HistoryListQuery } from "./schemas";
import { toHistoryFilter } from "./to-history-filter";
import type { HistoryPage } from "./types";

export async function listDeployHistory(query: HistoryListQuery, access?: Access): Promise<HistoryPage> {
  const db = await getDatabase<HistoryTables>();
  return listHistory(db, { ...toHistoryFilter(query, access), limit: query.limit, cursor: query.cursor });
}
