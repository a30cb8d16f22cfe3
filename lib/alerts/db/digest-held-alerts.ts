import "server-only";
import type { Kysely } from "kysely";
import type { AlertTables } from "./alert-tables";
import { countAlertsInWindow } from "./count-alerts-in-window";
import { inTransaction } from "./in-transaction";
import { lockAlertChannel } from "./lock-alert-channel";
import type { RateLimit } from "./outbox-table";

export type HeldAlert = { event: string; title: string; at: string };

/**
 * Once a channel's window has room again, replaces everything it held back with one digest message (made by
 * `compose` from the held ones, oldest first). Returns whether a digest was queued.
 */
export async function digestHeldAlerts(
  db: Kysely<AlertTables>,
  channelId: number,
  now: number,
  limit: RateLimit,
  compose: (held: HeldAlert[]) => { title: string; payload: unknown },
): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    await lockAlertChannel(trx, channelId);
    if ((await countAlertsInWindow(trx, channelId, now, limit)) >= limit.max) return false;
    const held = await trx
      .selectFrom("alert_outbox")
      .select(["id", "event", "title", "created_at as at"])
      .where("channel_id", "=", channelId)
      .where("state", "=", "held")
      .orderBy("id")
      .execute();
    const last = held.at(-1);
    if (!last) return false;
    const iso = new Date(now).toISOString();
    const { title, payload } = compose(held.map(({ event, title, at }) => ({ event, title, at })));
    await trx
      .insertInto("alert_outbox")
      .values({
        channel_id: channelId,
        event: "digest",
        title,
        payload: JSON.stringify(payload),
        state: "pending",
        created_at: iso,
        next_try_at: iso,
      })
      .execute();
    await trx
      .updateTable("alert_outbox")
      .set({ state: "digested", settled_at: iso })
      .where("channel_id", "=", channelId)
      .where("state", "=", "held")
      .where("id", "<=", last.id)
      .execute();
    return true;
  });
}
