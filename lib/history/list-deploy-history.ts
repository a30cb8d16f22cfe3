import "server-only";
import { getDb } from "@/lib/db/db";
import { listHistory } from "@/lib/db/list-history";
import type { HistoryListQuery } from "./schemas";
import { toHistoryFilter } from "./to-history-filter";
import type { HistoryPage } from "./types";

export function listDeployHistory(query: HistoryListQuery): HistoryPage {
  return listHistory(getDb(), { ...toHistoryFilter(query), limit: query.limit, cursor: query.cursor });
}
