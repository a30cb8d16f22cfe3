import type { Kysely } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import { dialects, freshDatabase, type TestDatabase } from "@/tests/support/dialects";
import type { AlertTables } from "./alert-tables";
import { countAlertDeliveries } from "./count-alert-deliveries";
import { countWaitingAlerts } from "./count-waiting-alerts";
import { enqueueAlert } from "./enqueue-alert";
import { getAlertChannel } from "./get-alert-channel";
import { hasAlertKey } from "./has-alert-key";
import { insertAlertChannel, type NewStoredChannel } from "./insert-alert-channel";
import { listAlertChannels } from "./list-alert-channels";
import { listAlertDeliveries } from "./list-alert-deliveries";
import { recordAlertTry } from "./record-alert-try";
import { updateAlertChannel } from "./update-alert-channel";

const at = "2026-12-01T00:00:00.000Z";
const channel = (name: string, kind = "webhook", enabled = true): NewStoredChannel => ({
  name,
  kind,
  enabled,
  settings: { method: "POST" },
  secrets: { url: "https://hooks.example.com/T0?token=abc" },
  rules: { events: ["host.down"] },
  at,
});

describe.each(dialects)("alert channels and deliveries on %s", (dialect) => {
  let test: TestDatabase;
  let db: Kysely<AlertTables>;
  beforeAll(async () => {
    test = await freshDatabase(dialect);
    db = test.db;
  });
  afterAll(() => test?.close());
  beforeEach(async () => {
    await db.deleteFrom("alert_channels").execute();
  });

  it("stores a channel with its settings and secrets, and reads it back as stored", async () => {
    const stored = await insertAlertChannel(db, channel("ops"));
    expect(stored).toEqual({
      id: expect.any(Number),
      name: "ops",
      kind: "webhook",
      enabled: true,
      settings: { method: "POST" },
      secrets: { url: "https://hooks.example.com/T0?token=abc" },
      rules: { events: ["host.down"] },
      createdAt: at,
      updatedAt: at,
    });
    expect(await getAlertChannel(db, stored.id)).toEqual(stored);
    expect(await getAlertChannel(db, stored.id + 1)).toBeUndefined();
  });

  it("lists channels in the order made, the enabled ones alone when asked", async () => {
    const a = await insertAlertChannel(db, channel("a"));
    const b = await insertAlertChannel(db, channel("b", "slack", false));
    const c = await insertAlertChannel(db, channel("c", "email"));
    expect((await listAlertChannels(db)).map((x) => x.id)).toEqual([a.id, b.id, c.id]);
    expect((await listAlertChannels(db, { enabledOnly: true })).map((x) => x.name)).toEqual(["a", "c"]);
  });

  it("refuses a second channel of a name in any case, as a unique violation (a 409 for the API)", async () => {
    await insertAlertChannel(db, channel("Ops"));
    const error = await insertAlertChannel(db, channel("oPS")).catch((e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
    const other = await insertAlertChannel(db, channel("dev"));
    const renamed = await updateAlertChannel(db, { ...other, name: "OPS" }).catch((e: unknown) => e);
    expect(isUniqueViolation(renamed)).toBe(true);
    expect((await listAlertChannels(db)).map((x) => x.name)).toEqual(["Ops", "dev"]);
  });

  it("writes a whole channel back, and answers undefined for one that is gone", async () => {
    const stored = await insertAlertChannel(db, channel("ops"));
    const later = "2026-12-02T00:00:00.000Z";
    const next = { ...stored, enabled: false, rules: { events: ["host.up"] }, updatedAt: later };
    expect(await updateAlertChannel(db, next)).toEqual(next);
    expect(await updateAlertChannel(db, { ...next, id: stored.id + 1 })).toBeUndefined();
  });

  it("keeps each try, newest first, and counts them by channel kind and outcome", async () => {
    const hook = await insertAlertChannel(db, channel("hook"));
    const mail = await insertAlertChannel(db, channel("mail", "email"));
    const attempt = { outboxId: null, event: "test", status: null, error: null, at };
    await recordAlertTry(db, { ...attempt, channelId: hook.id, try: 1, ok: false, error: "ECONNREFUSED" });
    await recordAlertTry(db, { ...attempt, channelId: hook.id, try: 2, ok: true, status: 204 });
    await recordAlertTry(db, { ...attempt, channelId: mail.id, try: 1, ok: true });
    expect(await listAlertDeliveries(db, hook.id, 1)).toEqual([
      {
        id: expect.any(Number),
        at,
        event: "test",
        messageId: null,
        try: 2,
        ok: true,
        status: 204,
        error: null,
      },
    ]);
    expect((await listAlertDeliveries(db, hook.id)).map((d) => d.error)).toEqual([null, "ECONNREFUSED"]);
    expect(await countAlertDeliveries(db)).toEqual([
      { kind: "email", ok: true, count: 1 },
      { kind: "webhook", ok: false, count: 1 },
      { kind: "webhook", ok: true, count: 1 },
    ]);
  });

  it("counts what waits to be sent, and knows the keys a channel was sent", async () => {
    const { id } = await insertAlertChannel(db, channel("ops"));
    const limit = { max: 1, windowMs: 60_000 };
    const message = (key: string) =>
      enqueueAlert(
        db,
        { channelId: id, dedupeKey: key, event: "host.down", title: key, payload: {}, at: Date.parse(at) },
        limit,
      );
    expect([await message("a"), await message("b"), await message("c")]).toEqual(["pending", "held", "held"]);
    expect(await countWaitingAlerts(db)).toEqual([
      { state: "held", count: 2 },
      { state: "pending", count: 1 },
    ]);
    expect(await hasAlertKey(db, id, "b")).toBe(true);
    expect(await hasAlertKey(db, id, "d")).toBe(false);
  });
});
