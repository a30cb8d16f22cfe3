import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDedicatedConnection, type DedicatedConnection } from "@/lib/db/dedicated-connection";
import { freshPostgresUrl, postgresServers } from "@/tests/support/dialects";
import { ChangeBus, CHANGES_CHANNEL, type BusChange } from "./change-bus";

describe.each(postgresServers)("the change bus on PostgreSQL (%s)", (server) => {
  let database: Awaited<ReturnType<typeof freshPostgresUrl>>;
  let admin: DedicatedConnection;
  const buses: ChangeBus[] = [];

  beforeEach(async () => {
    database = await freshPostgresUrl(server);
    admin = await openDedicatedConnection(database.url, "test");
  });
  afterEach(async () => {
    await Promise.all(buses.splice(0).map((bus) => bus.stop()));
    await admin.close();
    await database.drop();
  });

  async function bus(replicaId: string) {
    const made = new ChangeBus({
      replicaId,
      listenOn: () => openDedicatedConnection(database.url, "test"),
      notify: async (channel, payload) =>
        void (await admin.query("SELECT pg_notify($1, $2)", [channel, payload])),
    });
    buses.push(made);
    await made.start();
    return made;
  }

  it("a change published by one replica reaches another, and not the one that made it", async () => {
    const a = await bus("replica-a");
    const b = await bus("replica-b");
    const heardByA: BusChange[] = [];
    a.subscribe("incident", (change) => void heardByA.push(change));
    const heardByB = new Promise<BusChange>((resolve) => b.subscribe("incident", resolve));
    await a.publish("incident", 42);
    expect(await heardByB).toEqual({ kind: "incident", id: 42, from: "replica-a" });
    // A's own notice went round the server too: one more round trip, and A has still heard nothing.
    const echo = new Promise<BusChange>((resolve) => b.subscribe("marker", resolve));
    await a.publish("marker", "after");
    await echo;
    expect(heardByA).toEqual([]);
  });

  it("a change may carry data (what lives in no row), and one too long for NOTIFY is refused before it is sent", async () => {
    const a = await bus("replica-a");
    const b = await bus("replica-b");
    const heard = new Promise<BusChange>((resolve) => b.subscribe("action", resolve));
    await a.publish("action", 5, '{"phase":"pulling"}');
    expect(await heard).toEqual({ kind: "action", id: 5, from: "replica-a", data: '{"phase":"pulling"}' });
    await expect(a.publish("action", 6, "x".repeat(7_001))).rejects.toThrow(
      "a action change carries 7001 characters, more than 7000",
    );
  });

  it("ignores a notice on its channel that is not Wharf's, and keeps listening", async () => {
    const b = await bus("replica-b");
    const heard: BusChange[] = [];
    const next = new Promise<void>((resolve) =>
      b.subscribe("incident", (change) => void (heard.push(change), resolve())),
    );
    await admin.query("SELECT pg_notify($1, $2)", [CHANGES_CHANNEL, "not json"]);
    await admin.query("SELECT pg_notify($1, $2)", [CHANGES_CHANNEL, JSON.stringify({ kind: "incident" })]);
    await admin.query("SELECT pg_notify($1, $2)", [
      CHANGES_CHANNEL,
      JSON.stringify({ kind: "incident", id: 7, from: "replica-c" }),
    ]);
    await next;
    expect(heard).toEqual([{ kind: "incident", id: 7, from: "replica-c" }]);
  });
});
