import type { ActionName, HistoryEntry, Outcome } from "@/lib/history/types";

/** What an action answers: the history row it wrote, and its outcome. */
export type ActionResult = {
  historyId: number;
  outcome: Outcome;
  message: string;
  entry: HistoryEntry & { action: ActionName };
};
