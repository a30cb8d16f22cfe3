import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { claimDueAlerts } from "./claim-due-alerts";
import { openDb, type Db } from "./db";
import { channelsWithHeldAlerts, digestHeldAlerts } from "./digest-held-alerts";
import { deleteAlertChannel } from "./delete-alert-channel";
import { enqueueAlert } from "./enqueue-alert";
import { insertAlertChannel } from "./insert-alert-channel";
import { listAlertDeliveries } from "./list-alert-deliveries";
import { settleAlertTry } from "./settle-alert-try";
import { wakeAlertOutbox } from "./wake-alert-outbox";

let db: Db;
let channelId: number;
const T0 = Date.parse("2026-12-01T00:00:00.000Z");
const limit = { max: 3, windowMs: 600_000 };

beforeEach(() => {
  db = openDb(":memory:");
  channelId = insertAlertChannel(db, {
    name: "ops",
    kind: "webhook",
    enabled: true,
    settings: {},
    secrets: { url: "http://127.0.0.1:1/hook", secret: "s".repeat(16) },
    rules: { events: ["incident.opened"] },
    at: new Date(T0).toISOString(),
  }).id;
});
afterEach(() => db.close());

const message = (n: number, at = T0, dedupeKey: string | null = `k${n}`) =>
  enqueueAlert(
    db,
    { channelId, dedupeKey, event: "incident.opened", title: `crash ${n}`, payload: { n }, at },
    limit,
  );
const states = () =>
  (
    db.prepare("SELECT title, state FROM alert_outbox ORDER BY id").all() as {
      title: string;
      state: string;
    }[]
  ).map((r) => `${r.title}:${r.state}`);

describe("the alert outbox", () => {
  it("queues a key once, however often it is offered", () => {
    expect(message(1)).toBe("pending");
    expect(message(1)).toBe("duplicate");
    expect(states()).toEqual(["crash 1:pending"]);
  });

  it("holds what is over the rate limit, then replaces it with one digest once the window has room", () => {
    for (let n = 1; n <= 5; n++) message(n, T0 + n);
    expect(states()).toEqual([
      "crash 1:pending",
      "crash 2:pending",
      "crash 3:pending",
      "crash 4:held",
      "crash 5:held",
    ]);
    const compose = (held: { title: string }[]) => ({ title: `${held.length} held`, payload: held });
    expect(digestHeldAlerts(db, channelId, T0 + 60_000, limit, compose)).toBe(false);
    expect(channelsWithHeldAlerts(db)).toEqual([channelId]);
    expect(digestHeldAlerts(db, channelId, T0 + 600_002, limit, compose)).toBe(true);
    expect(states().slice(3)).toEqual(["crash 4:digested", "crash 5:digested", "2 held:pending"]);
    expect(channelsWithHeldAlerts(db)).toEqual([]);
  });

  it("leases what it hands out, so a second loop does not send it too", () => {
    message(1);
    message(2);
    expect(claimDueAlerts(db, T0, 20_000).map((r) => r.title)).toEqual(["crash 1", "crash 2"]);
    expect(claimDueAlerts(db, T0 + 1_000, 20_000)).toEqual([]);
    expect(claimDueAlerts(db, T0 + 20_000, 20_000)).toHaveLength(2);
  });

  it("retries at the time given, records each try, and settles a delivered message once", () => {
    message(1);
    const [row] = claimDueAlerts(db, T0, 20_000);
    const failed = {
      channelId,
      outboxId: row!.id,
      event: row!.event,
      try: 1,
      ok: false,
      status: 500,
      error: "answered 500",
    };
    expect(
      settleAlertTry(db, { ...failed, at: new Date(T0).toISOString() }, new Date(T0 + 10_000).toISOString()),
    ).toBe(true);
    expect(claimDueAlerts(db, T0 + 9_999, 20_000)).toEqual([]);
    const [again] = claimDueAlerts(db, T0 + 10_000, 20_000);
    expect(again).toMatchObject({ id: row!.id, tries: 1 });
    const ok = {
      ...failed,
      try: 2,
      ok: true,
      status: 204,
      error: null,
      at: new Date(T0 + 10_001).toISOString(),
    };
    expect(settleAlertTry(db, ok, null)).toBe(true);
    expect(settleAlertTry(db, ok, null)).toBe(false);
    expect(states()).toEqual(["crash 1:delivered"]);
    expect(listAlertDeliveries(db, channelId).map((d) => [d.try, d.ok, d.status])).toEqual([
      [2, true, 204],
      [1, false, 500],
    ]);
  });

  it("marks a message failed after its last try, and a restart makes pending ones due at once", () => {
    message(1);
    message(2);
    const [first, second] = claimDueAlerts(db, T0, 20_000);
    const base = {
      channelId,
      event: "incident.opened",
      ok: false,
      status: null,
      error: "ECONNREFUSED",
      at: "x",
    };
    settleAlertTry(db, { ...base, outboxId: first!.id, try: 6 }, null);
    settleAlertTry(db, { ...base, outboxId: second!.id, try: 1 }, new Date(T0 + 600_000).toISOString());
    expect(states()).toEqual(["crash 1:failed", "crash 2:pending"]);
    expect(wakeAlertOutbox(db, T0 + 5)).toBe(1);
    expect(claimDueAlerts(db, T0 + 5, 20_000).map((r) => r.title)).toEqual(["crash 2"]);
  });

  it("goes with its channel", () => {
    message(1);
    deleteAlertChannel(db, channelId);
    expect(states()).toEqual([]);
  });
});
