import { sql, type Kysely } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { dialects, freshDatabase, type TestDatabase } from "@/tests/support/dialects";
import type { AlertTables } from "./alert-tables";
import { channelsWithHeldAlerts } from "./channels-with-held-alerts";
import { claimDueAlerts } from "./claim-due-alerts";
import { deleteAlertChannel } from "./delete-alert-channel";
import { digestHeldAlerts } from "./digest-held-alerts";
import { enqueueAlert } from "./enqueue-alert";
import { insertAlertChannel } from "./insert-alert-channel";
import { listAlertDeliveries } from "./list-alert-deliveries";
import { settleAlertTry } from "./settle-alert-try";
import { wakeAlertOutbox } from "./wake-alert-outbox";

const T0 = Date.parse("2026-12-01T00:00:00.000Z");
const limit = { max: 3, windowMs: 600_000 };

describe.each(dialects)("the alert outbox on %s", (dialect) => {
  let test: TestDatabase;
  let db: Kysely<AlertTables>;
  let channelId: number;
  beforeAll(async () => {
    test = await freshDatabase(dialect);
    db = test.db;
  });
  afterAll(() => test?.close());
  beforeEach(async () => {
    await db.deleteFrom("alert_channels").execute();
    channelId = (
      await insertAlertChannel(db, {
        name: "ops",
        kind: "webhook",
        enabled: true,
        settings: {},
        secrets: { url: "http://127.0.0.1:1/hook", secret: "s".repeat(16) },
        rules: { events: ["incident.opened"] },
        at: new Date(T0).toISOString(),
      })
    ).id;
  });

  const message = (n: number, at = T0, dedupeKey: string | null = `k${n}`, into = db) =>
    enqueueAlert(
      into,
      { channelId, dedupeKey, event: "incident.opened", title: `crash ${n}`, payload: { n }, at },
      limit,
    );
  const states = async () =>
    (await db.selectFrom("alert_outbox").select(["title", "state"]).orderBy("id").execute()).map(
      (r) => `${r.title}:${r.state}`,
    );

  it("queues a key once, however often it is offered", async () => {
    expect(await message(1)).toBe("pending");
    expect(await message(1)).toBe("duplicate");
    expect(await message(2, T0, null)).toBe("pending");
    expect(await message(2, T0, null)).toBe("pending");
    expect(await states()).toEqual(["crash 1:pending", "crash 2:pending", "crash 2:pending"]);
  });

  it("holds what is over the rate limit, then replaces it with one digest once the window has room", async () => {
    for (let n = 1; n <= 5; n++) await message(n, T0 + n);
    expect(await states()).toEqual([
      "crash 1:pending",
      "crash 2:pending",
      "crash 3:pending",
      "crash 4:held",
      "crash 5:held",
    ]);
    const compose = (held: { title: string }[]) => ({ title: `${held.length} held`, payload: held });
    expect(await digestHeldAlerts(db, channelId, T0 + 60_000, limit, compose)).toBe(false);
    expect(await channelsWithHeldAlerts(db)).toEqual([channelId]);
    expect(await digestHeldAlerts(db, channelId, T0 + 600_002, limit, compose)).toBe(true);
    expect((await states()).slice(3)).toEqual(["crash 4:digested", "crash 5:digested", "2 held:pending"]);
    expect(await channelsWithHeldAlerts(db)).toEqual([]);
  });

  it("gives the window's last places to exactly as many messages as it has, however many writers race", async () => {
    const results = await Promise.all(Array.from({ length: 10 }, (_, n) => message(n)));
    expect(results.filter((r) => r === "pending")).toHaveLength(limit.max);
    expect(results.filter((r) => r === "held")).toHaveLength(10 - limit.max);
  });

  it("leases what it hands out, so a second loop does not send it too", async () => {
    await message(1);
    await message(2);
    expect((await claimDueAlerts(db, T0, 20_000)).map((r) => r.title)).toEqual(["crash 1", "crash 2"]);
    expect(await claimDueAlerts(db, T0 + 1_000, 20_000)).toEqual([]);
    expect(await claimDueAlerts(db, T0 + 20_000, 20_000)).toHaveLength(2);
  });

  it("hands each message to one claim while another claim is still taking its own (one claim, one send)", async () => {
    for (let n = 1; n <= 4; n++) await message(n, T0, `k${n}`);
    // The first claim's transaction is still open (its rows locked, its leases not committed) when the second runs.
    const [first, second] = await db.transaction().execute(async (trx) => {
      const mine = await claimDueAlerts(trx, T0, 20_000, 2);
      return [mine, dialect === "postgres" ? await claimDueAlerts(db, T0, 20_000) : []];
    });
    expect(first.map((r) => r.title)).toEqual(["crash 1", "crash 2"]);
    if (dialect === "postgres") expect(second.map((r) => r.title)).toEqual(["crash 3"]);
    else expect((await claimDueAlerts(db, T0, 20_000)).map((r) => r.title)).toEqual(["crash 3"]);
  });

  it("never hands a message to two of many claims running at once", async () => {
    const big = { max: 100, windowMs: 600_000 };
    for (let n = 0; n < 30; n++)
      await enqueueAlert(
        db,
        { channelId, dedupeKey: `m${n}`, event: "host.down", title: `m${n}`, payload: {}, at: T0 },
        big,
      );
    const claimed = (
      await Promise.all(Array.from({ length: 6 }, () => claimDueAlerts(db, T0, 20_000, 7)))
    ).flatMap((rows) => rows.map((r) => r.title));
    expect(claimed).toHaveLength(30);
    expect(new Set(claimed).size).toBe(30);
  });

  it("retries at the time given, records each try, and settles a delivered message once", async () => {
    await message(1);
    const [row] = await claimDueAlerts(db, T0, 20_000);
    const failed = {
      channelId,
      outboxId: row!.id,
      event: row!.event,
      try: 1,
      ok: false,
      status: 500,
      error: "answered 500",
    };
    const retryAt = new Date(T0 + 10_000).toISOString();
    expect(await settleAlertTry(db, { ...failed, at: new Date(T0).toISOString() }, retryAt)).toBe(true);
    expect(await claimDueAlerts(db, T0 + 9_999, 20_000)).toEqual([]);
    const [again] = await claimDueAlerts(db, T0 + 10_000, 20_000);
    expect(again).toMatchObject({ id: row!.id, tries: 1, nextTryAt: retryAt });
    const ok = {
      ...failed,
      try: 2,
      ok: true,
      status: 204,
      error: null,
      at: new Date(T0 + 10_001).toISOString(),
    };
    expect(await settleAlertTry(db, ok, null)).toBe(true);
    expect(await settleAlertTry(db, ok, null)).toBe(false);
    expect(await states()).toEqual(["crash 1:delivered"]);
    expect((await listAlertDeliveries(db, channelId)).map((d) => [d.try, d.ok, d.status])).toEqual([
      [2, true, 204],
      [1, false, 500],
    ]);
  });

  it("marks a message failed after its last try, and a restart makes pending ones due at once", async () => {
    await message(1);
    await message(2);
    const [first, second] = await claimDueAlerts(db, T0, 20_000);
    const base = {
      channelId,
      event: "incident.opened",
      ok: false,
      status: null,
      error: "ECONNREFUSED",
      at: "x",
    };
    await settleAlertTry(db, { ...base, outboxId: first!.id, try: 6 }, null);
    await settleAlertTry(db, { ...base, outboxId: second!.id, try: 1 }, new Date(T0 + 600_000).toISOString());
    expect(await states()).toEqual(["crash 1:failed", "crash 2:pending"]);
    expect(await wakeAlertOutbox(db, T0 + 5)).toBe(1);
    expect((await claimDueAlerts(db, T0 + 5, 20_000)).map((r) => r.title)).toEqual(["crash 2"]);
  });

  it("voids the leases of a process that is gone on SQLite, and leaves another Wharf's on PostgreSQL", async () => {
    await message(1);
    expect(await claimDueAlerts(db, T0, 20_000)).toHaveLength(1);
    expect(await wakeAlertOutbox(db, T0 + 1)).toBe(1);
    const after = await claimDueAlerts(db, T0 + 1, 20_000);
    expect(after).toHaveLength(dialect === "sqlite" ? 1 : 0);
  });

  it("waits while its channel is disabled, and goes with its channel", async () => {
    await message(1);
    await db.updateTable("alert_channels").set({ enabled: 0 }).execute();
    expect(await claimDueAlerts(db, T0, 20_000)).toEqual([]);
    expect(await deleteAlertChannel(db, channelId)).toBe(true);
    expect(await deleteAlertChannel(db, channelId)).toBe(false);
    expect(await states()).toEqual([]);
  });

  it("declares every column the migrated tables have, and only those", async () => {
    const columnsOf = async (table: string) =>
      (dialect === "sqlite"
        ? await sql<{ name: string }>`SELECT name FROM pragma_table_info(${table})`.execute(db)
        : await sql<{ name: string }>`
            SELECT column_name AS name FROM information_schema.columns WHERE table_name = ${table}`.execute(
            db,
          )
      ).rows
        .map((c) => c.name)
        .sort();
    // Typed by the table types: a column they do not declare does not compile.
    const declared: { [T in keyof AlertTables]: (keyof AlertTables[T])[] } = {
      alert_channels: [
        "id",
        "name",
        "kind",
        "enabled",
        "settings",
        "secrets",
        "rules",
        "created_at",
        "updated_at",
      ],
      alert_outbox: [
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
        "lease_until",
        "settled_at",
      ],
      alert_deliveries: ["id", "channel_id", "outbox_id", "at", "event", "try", "ok", "status", "error"],
    };
    for (const [table, columns] of Object.entries(declared))
      expect(await columnsOf(table), table).toEqual([...columns].sort());
  });
});
