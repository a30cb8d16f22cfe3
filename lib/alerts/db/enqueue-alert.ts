import "server-only";
import type { Kysely } from "kysely";
import type { AlertTables } from "./alert-tables";
import { countAlertsInWindow } from "./count-alerts-in-window";
import { inTransaction } from "./in-transaction";
import { lockAlertChannel } from "./lock-alert-channel";
import type { RateLimit } from "./outbox-table";

export type NewOutboxMessage = {
  channelId: number;
  /** The same key twice for a channel is one message: "incident 7 opened" is sent once, restarts or not. */
  dedupeKey: string | null;
  event: string;
  title: string;
  payload: unknown;
  at: number;
};

/**
 * Puts a message in a channel's outbox: `pending` (to send), `held` (over the rate limit, for the next digest)
 * or `duplicate` (already there). The count and the insert share a transaction, holding the channel, so two
 * writers cannot both take the last place in the window.
 */
export async function enqueueAlert(
  db: Kysely<AlertTables>,
  message: NewOutboxMessage,
  limit: RateLimit,
): Promise<"pending" | "held" | "duplicate"> {
  return inTransaction(db, async (trx) => {
    await lockAlertChannel(trx, message.channelId);
    const inWindow = await countAlertsInWindow(trx, message.channelId, message.at, limit);
    const state = inWindow >= limit.max ? "held" : "pending";
    const iso = new Date(message.at).toISOString();
    const inserted = await trx
      .insertInto("alert_outbox")
      .values({
        channel_id: message.channelId,
        dedupe_key: message.dedupeKey,
        event: message.event,
        title: message.title,
        payload: JSON.stringify(message.payload),
        state,
        created_at: iso,
        next_try_at: iso,
      })
      .onConflict((oc) => oc.columns(["channel_id", "dedupe_key"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    return inserted === undefined ? "duplicate" : state;
  });
}
