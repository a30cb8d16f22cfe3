import type { AutohealNoticeInput } from "@/lib/alerts/notify";
import type { AutohealEvent } from "@/lib/autoheal/types";

/** What auto-heal did, in the words alerts send (lib/alerts/types.ts AutohealNotice). */
export function toAutohealNotice(event: AutohealEvent): AutohealNoticeInput {
  if (event.type === "autoheal.gave-up") {
    return {
      event: event.type,
      hostId: event.hostId,
      containerName: event.containerName,
      action: event.action,
      reason: event.reason,
      attempt: event.tries,
      at: event.at,
    };
  }
  const succeeded = event.outcome === "succeeded" || event.outcome === "no-change";
  return {
    event: event.type,
    hostId: event.hostId,
    containerName: event.containerName,
    action: event.action,
    reason: event.message,
    attempt: event.try,
    succeeded,
    error: succeeded ? null : event.message,
    historyId: event.historyId,
    at: event.at,
  };
}
