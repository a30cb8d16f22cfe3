import "server-only";
import { claimDueAlerts } from "@/lib/db/claim-due-alerts";
import { getDb } from "@/lib/db/db";
import { channelsWithHeldAlerts, digestHeldAlerts } from "@/lib/db/digest-held-alerts";
import { getAlertChannel } from "@/lib/db/get-alert-channel";
import type { OutboxRow } from "@/lib/db/alert-outbox-row";
import { settleAlertTry } from "@/lib/db/settle-alert-try";
import { wakeAlertOutbox } from "@/lib/db/wake-alert-outbox";
import { alertConfig } from "./alert-config";
import { nextTryDelay } from "./backoff";
import { composeDigest } from "./compose-other-messages";
import { deliver } from "./deliver";
import { describeFailure, SEND_TIMEOUT_MS, type SendResult } from "./post-json";
import type { AlertMessage } from "./types";

// Retries and digests come due with time, not with events: a slow tick finds them. New messages kick it.
const TICK_MS = 1_000;
// Longer than a try can take, so another loop never takes a message this one is still sending.
const LEASE_MS = SEND_TIMEOUT_MS * 4;
const KEY = Symbol.for("wharf.alert-delivery");

type LoopState = {
  inFlight: Set<number>;
  chains: Map<number, Promise<void>>;
  scheduled: boolean;
  started: boolean;
  /** Whether this server sends: only the recorder does, so each alert leaves once whatever the replicas. */
  sends: () => boolean;
};

function state(): LoopState {
  const holder = globalThis as { [KEY]?: LoopState };
  holder[KEY] ??= {
    inFlight: new Set(),
    chains: new Map(),
    scheduled: false,
    started: false,
    sends: () => true,
  };
  return holder[KEY];
}

/**
 * Starts the loop once per process; what the last process left pending goes out now. `sends`: whether this
 * server is the one that sends (the recorder); a follower's loop ticks idle until it becomes the recorder.
 */
export function startAlertDelivery(sends: () => boolean = () => true): void {
  const loop = state();
  if (loop.started) return;
  loop.started = true;
  loop.sends = sends;
  if (sends()) wakeAlertOutbox(getDb(), Date.now());
  setInterval(kickDelivery, TICK_MS).unref();
  kickDelivery();
}

export function kickDelivery(): void {
  const loop = state();
  if (loop.scheduled) return;
  loop.scheduled = true;
  setImmediate(() => {
    loop.scheduled = false;
    try {
      tick(loop);
    } catch (error) {
      console.error("[wharf] alert delivery failed", error);
    }
  });
}

function tick(loop: LoopState): void {
  if (!loop.sends()) return;
  const db = getDb();
  const now = Date.now();
  const { rateLimit, publicUrl } = alertConfig();
  for (const channelId of channelsWithHeldAlerts(db)) {
    digestHeldAlerts(db, channelId, now, rateLimit, (held) => {
      const message = composeDigest(held, publicUrl, new Date(now).toISOString());
      return { title: message.title, payload: message };
    });
  }
  for (const row of claimDueAlerts(db, now, LEASE_MS)) {
    if (loop.inFlight.has(row.id)) continue;
    loop.inFlight.add(row.id);
    // One channel's messages go out one after another, in order: "ended" never overtakes "opened".
    const previous = loop.chains.get(row.channelId) ?? Promise.resolve();
    const next = previous.then(() => sendOne(row)).finally(() => loop.inFlight.delete(row.id));
    loop.chains.set(row.channelId, next);
    void next.then(() => {
      if (loop.chains.get(row.channelId) === next) loop.chains.delete(row.channelId);
    });
  }
}

async function sendOne(row: OutboxRow): Promise<void> {
  const db = getDb();
  const channel = getAlertChannel(db, row.channelId);
  if (!channel) return;
  const { refused, ...result } = await deliver(channel, row.payload as AlertMessage, row.id).catch(
    (error: unknown): SendResult => ({ ok: false, status: null, error: describeFailure(error) }),
  );
  const tries = row.tries + 1;
  const at = Date.now();
  // A destination Wharf refuses stays refused until its configuration changes: trying again only repeats it.
  const delay = result.ok || refused ? null : nextTryDelay(tries, alertConfig().retryDelaysMs);
  settleAlertTry(
    db,
    {
      channelId: row.channelId,
      outboxId: row.id,
      event: row.event,
      try: tries,
      ...result,
      at: new Date(at).toISOString(),
    },
    delay === null ? null : new Date(at + delay).toISOString(),
  );
}
