import "server-only";

/** One message for one channel, waiting to be sent or settled. */
export type OutboxRow = {
  id: number;
  channelId: number;
  dedupeKey: string | null;
  event: string;
  title: string;
  payload: unknown;
  state: "pending" | "delivered" | "failed" | "held" | "digested";
  createdAt: string;
  nextTryAt: string;
  tries: number;
};

/** Over a channel's limit, a message waits (`held`) for a digest instead of being sent. */
export type RateLimit = { max: number; windowMs: number };

export const outboxColumns = `id, channel_id, dedupe_key, event, title, payload, state, created_at, next_try_at, tries`;

type Row = {
  id: number;
  channel_id: number;
  dedupe_key: string | null;
  event: string;
  title: string;
  payload: string;
  state: OutboxRow["state"];
  created_at: string;
  next_try_at: string;
  tries: number;
};

export function toOutboxRow(raw: unknown): OutboxRow {
  const row = raw as Row;
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
