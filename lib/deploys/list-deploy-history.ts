import "server-only";
import { getDb } from "@/lib/history/db";
import { listHistory } from "@/lib/history/list-history";
import type { HistoryListQuery } from "./schemas";
import { toHistoryFilter } from "./to-history-filter";
import type { HistoryPage } from "./types";

export function listDeployHistory(query: HistoryListQuery): HistoryPage {
  return listHistory(getDb(), { ...toHistoryFilter(query), limit: query.limit, cursor: query.cursor });
}
