import "server-only";
import type { Access } from "@/lib/core/access-rule";
import { getDatabase } from "@/lib/db/database";
import { countDeploysPerDay } from "./db/count-deploys-per-day";
import type { HistoryTables } from "./db/history-table";
import type { HistoryTimelineQuery } from "./schemas";
import { toHistoryFilter } from "./to-history-filter";
import type { HistoryTimeline } from "./types";

export async function deployTimeline(query: HistoryTimelineQuery, access?: Access): Promise<HistoryTimeline> {
  const db = await getDatabase<HistoryTables>();
  return countDeploysPerDay(db, toHistoryFilter(query, access), { days: query.days });
}
