import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { openDedicatedConnection, type DedicatedConnection } from "@/lib/db/dedicated-connection";
import { freshPostgresUrl, postgresServers } from "@/tests/support/dialects";
import { RecorderLease } from "./recorder-lease";

describe.each(postgresServers)("the recorder's lease on PostgreSQL (%s)", (server) => {
  let database: Awaited<ReturnType<typeof freshPostgresUrl>>;
  let admin: DedicatedConnection;
  const leases: RecorderLease[] = [];

  beforeEach(async () => {
    database = await freshPostgresUrl(server);
    admin = await openDedicatedConnection(database.url, "test");
  });
  afterEach(async () => {
    await Promise.all(leases.splice(0).map((lease) => lease.stop()));
    await admin.close();
    await database.drop();
  });

  /** A lease whose connections the test can see (to end them as a crash would). */
  function lease() {
    const connections: DedicatedConnection[] = [];
    const made = new RecorderLease(async () => {
      const connection = await openDedicatedConnection(database.url, "test");
      connections.push(connection);
      return connection;
    });
    leases.push(made);
    made.start();
    return { lease: made, connections };
  }

  const grantedLeases = async () =>
    Number(
      (
        await admin.query<{ n: string }>(
          "SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1",
        )
      )[0]!.n,
    );
  const waitingAttempts = (connections: DedicatedConnection[]) => connections.length;

  it("two replicas on one database: exactly one is the recorder, the other keeps asking", async () => {
    const a = lease();
    const b = lease();
    await vi.waitFor(() => expect([a.lease.isRecorder(), b.lease.isRecorder()]).toContain(true), {
      timeout: 5_000,
    });
    // The follower has asked (its connection is open) and was refused.
    await vi.waitFor(() => expect(waitingAttempts(a.connections) + waitingAttempts(b.connections)).toBe(2));
    expect([a.lease.isRecorder(), b.lease.isRecorder()].filter(Boolean)).toHaveLength(1);
    expect(await grantedLeases()).toBe(1);
  });

  it("the holder's connection killed: it stops recording at once and the other takes the lease", async () => {
    const a = lease();
    await vi.waitFor(() => expect(a.lease.isRecorder()).toBe(true));
    const b = lease();
    await vi.waitFor(() => expect(b.connections).toHaveLength(1));
    const aLost = new Promise<boolean>((resolve) => a.lease.onChange(({ recorder }) => resolve(recorder)));
    const bTook = new Promise<boolean>((resolve) => b.lease.onChange(({ recorder }) => resolve(recorder)));
    await admin.query("SELECT pg_terminate_backend($1)", [a.connections[0]!.pid]);
    expect(await aLost).toBe(false);
    expect(await bTook).toBe(true);
    expect(a.lease.isRecorder()).toBe(false);
    expect(await grantedLeases()).toBe(1);
  });

  it("a stopped recorder gives the lease up for the next", async () => {
    const a = lease();
    await vi.waitFor(() => expect(a.lease.isRecorder()).toBe(true));
    const b = lease();
    await vi.waitFor(() => expect(b.connections).toHaveLength(1));
    await a.lease.stop();
    // Within the failover the issue promises (5 s): the follower asks every second.
    await vi.waitFor(() => expect(b.lease.isRecorder()).toBe(true), { timeout: 5_000 });
  });
});
