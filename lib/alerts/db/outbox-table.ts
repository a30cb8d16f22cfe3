import "server-only";
import type { Generated, Selectable } from "kysely";

export type OutboxState = "pending" | "delivered" | "failed" | "held" | "digested";

/**
 * alert_outbox (migration 9): every alert goes through it. `dedupe_key` makes "one message when an incident opens"
 * hold across restarts (unique per channel); `held` rows were over the channel's rate limit and wait for a digest
 * (`digested` once it replaced them); `lease_until` marks a row a delivery loop has claimed.
 */
export type AlertOutboxTable = {
  id: Generated<number>;
  channel_id: number;
  dedupe_key: string | null;
  event: string;
  title: string;
  payload: string;
  state: OutboxState;
  created_at: string;
  next_try_at: string;
  tries: Generated<number>;
  lease_until: string | null;
  settled_at: string | null;
};

/** One message for one channel, waiting to be sent or settled. */
export type OutboxRow = {
  id: number;
  channelId: number;
  dedupeKey: string | null;
  event: string;
  title: string;
  payload: unknown;
  state: OutboxState;
  createdAt: string;
  nextTryAt: string;
  tries: number;
};

/** Over a channel's limit, a message waits (`held`) for a digest instead of being sent. */
export type RateLimit = { max: number; windowMs: number };

export const outboxColumns = [
  "id",
  "channel_id",
  "dedupe_key",
  "event",
  "title",
  "payload",
  "state",
  "created_at",
  "next_try_at",
  "tries",
] as const satisfies readonly (keyof AlertOutboxTable)[];

type OutboxColumns = Pick<Selectable<AlertOutboxTable>, (typeof outboxColumns)[number]>;

export function toOutboxRow(row: OutboxColumns): OutboxRow {
  return {
    id: row.id,
    channelId: row.channel_id,
    dedupeKey: row.dedupe_key,
    event: row.event,
    title: row.title,
    payload: JSON.parse(row.payload) as unknown,
    state: row.state,
    createdAt: row.created_at,
    nextTryAt: row.next_try_at,
    tries: row.tries,
  };
}
