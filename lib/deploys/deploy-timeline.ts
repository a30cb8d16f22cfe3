import "server-only";
import { countDeploysPerDay } from "@/lib/history/count-deploys-per-day";
import { getDb } from "@/lib/history/db";
import type { HistoryTimelineQuery } from "./schemas";
import { toHistoryFilter } from "./to-history-filter";
import type { HistoryTimeline } from "./types";

export function deployTimeline(query: HistoryTimelineQuery): HistoryTimeline {
  return countDeploysPerDay(getDb(), toHistoryFilter(query), { days: query.days });
}
