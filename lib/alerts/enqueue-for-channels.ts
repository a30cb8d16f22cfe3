import "server-only";
import { getDatabase } from "@/lib/db/database";
import { alertConfig } from "./alert-config";
import type { AlertTables } from "./db/alert-tables";
import { enqueueAlert } from "./db/enqueue-alert";
import { hasAlertKey } from "./db/has-alert-key";
import { listAlertChannels } from "./db/list-alert-channels";
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

const KEY = Symbol.for("wharf.alert-enqueue");

/**
 * Queues a message in the outbox of every enabled channel that wants it, and wakes the delivery loop; resolves
 * to how many channels it was queued for. Calls are queued one after another in the order they are made: an
 * incident's end must find its opening's key, and take a later place in the outbox than it.
 */
export function enqueueForChannels(alert: Alert, now = Date.now()): Promise<number> {
  const holder = globalThis as { [KEY]?: Promise<unknown> };
  const queued = (holder[KEY] ?? Promise.resolve()).then(() => enqueueNow(alert, now));
  holder[KEY] = queued.catch(() => undefined);
  return queued;
}

async function enqueueNow(alert: Alert, now: number): Promise<number> {
  const db = await getDatabase<AlertTables>();
  const { rateLimit } = alertConfig();
  let queued = 0;
  for (const channel of await listAlertChannels(db, { enabledOnly: true })) {
    const rules = channelRulesSchema.parse(channel.rules);
    const wanted = alert.followsKey
      ? rules.events.includes(alert.ruleEvent) && (await hasAlertKey(db, channel.id, alert.followsKey))
      : matchesRules(rules, alert.ruleEvent, alert.scope);
    if (!wanted) continue;
    const state = await enqueueAlert(
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
