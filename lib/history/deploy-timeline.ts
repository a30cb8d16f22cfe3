import "server-only";
import { getDatabase } from "@/lib/db/database";
import { countDeploysPerDay } from "./db/count-deploys-per-day";
import type { HistoryTables } from "./db/history-table";
import type { HistoryTimelineQuery } from "./schemas";
import { toHistoryFilter } from "./to-history-filter";
import type { HistoryTimeline } from "./types";

export async function deployTimeline(query: HistoryTimelineQuery): Promise<HistoryTimeline> {
  const db = await getDatabase<HistoryTables>();
  return countDeploysPerDay(db, toHistoryFilter(query), { days: query.days });
}
