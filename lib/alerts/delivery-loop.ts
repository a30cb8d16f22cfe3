import "server-only";
import { getDatabase } from "@/lib/db/database";
import { alertConfig } from "./alert-config";
import { nextTryDelay } from "./backoff";
import { composeDigest } from "./compose-other-messages";
import type { AlertTables } from "./db/alert-tables";
import { channelsWithHeldAlerts } from "./db/channels-with-held-alerts";
import { claimDueAlerts } from "./db/claim-due-alerts";
import { digestHeldAlerts } from "./db/digest-held-alerts";
import { getAlertChannel } from "./db/get-alert-channel";
import type { OutboxRow } from "./db/outbox-table";
import { settleAlertTry } from "./db/settle-alert-try";
import { wakeAlertOutbox } from "./db/wake-alert-outbox";
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
  /** A tick is running; `again`: a kick came meanwhile, so one more follows it. Ticks never overlap. */
  ticking: boolean;
  again: boolean;
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
    ticking: false,
    again: false,
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
  void (async () => {
    if (sends()) await wakeAlertOutbox(await getDatabase<AlertTables>(), Date.now());
  })()
    .catch((error: unknown) => console.error("[wharf] waking the alert outbox failed", error))
    .finally(() => {
      setInterval(kickDelivery, TICK_MS).unref();
      kickDelivery();
    });
}

export function kickDelivery(): void {
  const loop = state();
  if (loop.scheduled) return;
  loop.scheduled = true;
  setImmediate(() => {
    loop.scheduled = false;
    void runTicks(loop);
  });
}

async function runTicks(loop: LoopState): Promise<void> {
  if (loop.ticking) {
    loop.again = true;
    return;
  }
  loop.ticking = true;
  try {
    do {
      loop.again = false;
      await tick(loop).catch((error: unknown) => console.error("[wharf] alert delivery failed", error));
    } while (loop.again);
  } finally {
    loop.ticking = false;
  }
}

async function tick(loop: LoopState): Promise<void> {
  if (!loop.sends()) return;
  const db = await getDatabase<AlertTables>();
  const now = Date.now();
  const { rateLimit, publicUrl } = alertConfig();
  for (const channelId of await channelsWithHeldAlerts(db)) {
    await digestHeldAlerts(db, channelId, now, rateLimit, (held) => {
      const message = composeDigest(held, publicUrl, new Date(now).toISOString());
      return { title: message.title, payload: message };
    });
  }
  for (const row of await claimDueAlerts(db, now, LEASE_MS)) {
    if (loop.inFlight.has(row.id)) continue;
    loop.inFlight.add(row.id);
    // One channel's messages go out one after another, in order: "ended" never overtakes "opened".
    const previous = loop.chains.get(row.channelId) ?? Promise.resolve();
    const next = previous
      .then(() => sendOne(row))
      // A database that fails here leaves the row leased: it is tried again once the lease runs out.
      .catch((error: unknown) => console.error("[wharf] alert delivery failed", error))
      .finally(() => loop.inFlight.delete(row.id));
    loop.chains.set(row.channelId, next);
    void next.then(() => {
      if (loop.chains.get(row.channelId) === next) loop.chains.delete(row.channelId);
    });
  }
}

async function sendOne(row: OutboxRow): Promise<void> {
  const db = await getDatabase<AlertTables>();
  const channel = await getAlertChannel(db, row.channelId);
  if (!channel) return;
  const { refused, ...result } = await deliver(channel, row.payload as AlertMessage, row.id).catch(
    (error: unknown): SendResult => ({ ok: false, status: null, error: describeFailure(error) }),
  );
  const tries = row.tries + 1;
  const at = Date.now();
  // A destination Wharf refuses stays refused until its configuration changes: trying again only repeats it.
  const delay = result.ok || refused ? null : nextTryDelay(tries, alertConfig().retryDelaysMs);
  await settleAlertTry(
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
