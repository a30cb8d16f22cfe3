import "server-only";
import type { HistoryAction } from "@/lib/history/types";

/** How long after a successful action a crash says it did not hold. */
export const CRASH_WINDOW_MS = 10 * 60_000;

/** The actions that leave a container running, and so can be said to have held or not. */
export const HELD_ACTIONS: HistoryAction[] = ["start", "restart", "redeploy", "rollback"];
