import "server-only";
import type { Db } from "@/lib/db/db";
import { enqueueAlert } from "@/lib/db/enqueue-alert";
import { hasAlertKey } from "@/lib/db/has-alert-key";
import { listAlertChannels } from "@/lib/db/list-alert-channels";
import { alertConfig } from "./alert-config";
import { kickDelivery } from "./delivery-loop";
import { matchesRules, type EventScope } from "./match-rules";
import { channelRulesSchema } from "./schemas";
import type { AlertEvent, AlertMessage } from "./types";

export type Alert = {
  /** The rule event channels subscribe to (an incident's update goes to `incident.opened` channels). */
  ruleEvent: AlertEvent;
  message: AlertMessage;
  scope: EventScope;
  /** One message per channel per key, ever. */
  dedupeKey: string | null;
  /**
   * A follow-up (an incident's update or end) goes exactly to the channels told the first message, whose key
   * this is, and that still want the event: the container may be gone and its labels with it.
   */
  followsKey?: string;
};

/** Queues a message in the outbox of every enabled channel that wants it, and wakes the delivery loop. */
export function enqueueForChannels(db: Db, alert: Alert, now = Date.now()): number {
  const { rateLimit } = alertConfig();
  let queued = 0;
  for (const channel of listAlertChannels(db, { enabledOnly: true })) {
    const rules = channelRulesSchema.parse(channel.rules);
    const wanted = alert.followsKey
      ? rules.events.includes(alert.ruleEvent) && hasAlertKey(db, channel.id, alert.followsKey)
      : matchesRules(rules, alert.ruleEvent, alert.scope);
    if (!wanted) continue;
    const state = enqueueAlert(
      db,
      {
        channelId: channel.id,
        dedupeKey: alert.dedupeKey,
        event: alert.message.event,
        title: alert.message.title,
        payload: alert.message,
        at: now,
      },
      rateLimit,
    );
    if (state !== "duplicate") queued++;
  }
  if (queued > 0) kickDelivery();
  return queued;
}
