import type { ActionName } from "@/lib/history/types";

// Apart from describe-action.ts: every fleet row names a running action with these, and the page's first load
// need not carry the confirmations' texts with them.
export const actionLabels: Record<
  ActionName,
  { label: string; verb: string; running: string; icon: string }
> = {
  start: { label: "Start", verb: "start", running: "Starting", icon: "▶" },
  stop: { label: "Stop", verb: "stop", running: "Stopping", icon: "■" },
  restart: { label: "Restart", verb: "restart", running: "Restarting", icon: "↻" },
  redeploy: { label: "Redeploy", verb: "redeploy", running: "Redeploying", icon: "⤓" },
  rollback: { label: "Rollback", verb: "roll back", running: "Rolling back", icon: "↶" },
};
