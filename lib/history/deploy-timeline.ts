import "server-only";
import { countDeploysPerDay } from "@/lib/db/count-deploys-per-day";
import { getDb } from "@/lib/db/db";
import type { HistoryTimelineQuery } from "./schemas";
import { toHistoryFilter } from "./to-history-filter";
import type { HistoryTimeline } from "./types";

export function deployTimeline(query: HistoryTimelineQuery): HistoryTimeline {
  return countDeploysPerDay(getDb(), toHistoryFilter(query), { days: query.days });
}
