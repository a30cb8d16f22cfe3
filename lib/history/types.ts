import type { HistoryAction, HistoryEntry, Outcome } from "@/lib/actions/types";

/** What the history can be filtered by; "running" stands for an action that has no outcome yet. */
export const historyOutcomes = ["succeeded", "failed", "rolled-back", "no-change", "running"] as const;
export type HistoryOutcome = Outcome | "running";

/** Filters of the history list, its CSV export and its timeline. `from` is inclusive, `to` exclusive (ISO 8601 UTC). */
export type HistoryFilter = {
  hostId?: string;
  containerName?: string;
  actor?: string;
  action?: HistoryAction;
  outcome?: HistoryOutcome;
  from?: string;
  to?: string;
  /** "only": redeploys and rollbacks alone. */
  deploys?: "only";
  /** "hide": leave out the containers removed outside Wharf (a busy CI host makes these most of its rows). */
  externalRemoves?: "hide" | "show";
};

/** One page of the list: `cursor` is the `nextCursor` of the page before. */
export type HistoryPageRequest = HistoryFilter & { limit?: number; cursor?: string };

export type HistoryPage = { entries: HistoryEntry[]; nextCursor: string | null };

/** Deploys of one UTC day on one host with one outcome (`null`: still running). */
export type DeployDayCount = { day: string; hostId: string; outcome: Outcome | null; count: number };

/** The chart's data: `firstDay`…`lastDay` (UTC dates, inclusive) is the span drawn, empty days included. */
export type HistoryTimeline = { firstDay: string; lastDay: string; days: DeployDayCount[] };

export const DEFAULT_TIMELINE_DAYS = 30;
export const MAX_TIMELINE_DAYS = 366;
