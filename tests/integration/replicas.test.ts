// Several Wharf replicas on one PostgreSQL database behind HAProxy (issue 25). What runs here works with today's
// PostgreSQL mode; the parts that need sign-in, incidents and history on PostgreSQL are added once those features
// are converted (see docs/replicas.md, "Not yet covered").
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openDedicatedConnection, type DedicatedConnection } from "@/lib/db/dedicated-connection";
import { postgresServers } from "../support/dialects";
import { startReplicas, type ReplicaSet } from "../support/replicas";

// The failover the issue promises: a killed recorder's lease is someone else's within this.
const FAILOVER_MS = 5_000;

describe.each(postgresServers)("three replicas on one PostgreSQL behind HAProxy (%s)", () => {
  let set: ReplicaSet;
  let admin: DedicatedConnection;

  beforeAll(async () => {
    set = await startReplicas({ count: 3, basePort: 3232, signIn: false });
    // On the server's maintenance database: the test below closes the replicas' own database.
    const maintenance = new URL(set.databaseUrl);
    maintenance.pathname = "/postgres";
    admin = await openDedicatedConnection(maintenance.toString(), "test");
  }, 300_000);
  afterAll(async () => {
    await admin?.close();
    await set?.stop();
  });

  it("exactly one replica is the recorder; the others follow, and HAProxy serves from every one", async () => {
    await vi.waitFor(async () => expect(await set.recorders()).toHaveLength(1), { timeout: FAILOVER_MS });
    const roles = await Promise.all(set.replicas.map(set.health));
    expect(roles.map((health) => health?.role).sort()).toEqual(["follower", "follower", "recorder"]);
    expect(roles.map((health) => health?.replica)).toEqual(set.replicas.map((replica) => replica.name));
    const served = new Set<string>();
    for (let i = 0; i < 6; i++) {
      const answer = await fetch(`${set.url}/api/health`);
      expect(answer.status).toBe(200);
      served.add(((await answer.json()) as { replica: string }).replica);
    }
    expect([...served].sort()).toEqual(set.replicas.map((replica) => replica.name).sort());
  });

  it("a replica whose database stops answering answers 503 and gives its lease up; one takes it back after", async () => {
    const name = new URL(set.databaseUrl).pathname.slice(1);
    await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
    await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", [name]);
    try {
      for (const replica of set.replicas) {
        await vi.waitFor(async () => expect((await fetch(`${replica.url}/api/health`)).status).toBe(503), {
          timeout: FAILOVER_MS,
        });
      }
      const answer = await fetch(`${set.replicas[0]!.url}/api/health`);
      expect(((await answer.json()) as { error: { message: string } }).error.message).toMatch(
        /^The database does not answer: /,
      );
      expect(await set.recorders()).toEqual([]);
      const locks = await admin.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE l.locktype = 'advisory' AND d.datname = $1",
        [name],
      );
      expect(locks[0]!.n).toBe(0);
    } finally {
      await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
    }
    await vi.waitFor(async () => expect(await set.recorders()).toHaveLength(1), { timeout: FAILOVER_MS * 2 });
  });

  it("kill -9 of the recorder: another replica holds the lease within 5 s, and HAProxy answers throughout", async () => {
    await vi.waitFor(async () => expect(await set.recorders()).toHaveLength(1), { timeout: FAILOVER_MS });
    const [recorder] = await set.recorders();
    await set.kill(recorder!);
    await vi.waitFor(
      async () => {
        const now = await set.recorders();
        expect(now).toHaveLength(1);
        expect(now[0]!.name).not.toBe(recorder!.name);
      },
      { timeout: FAILOVER_MS, interval: 100 },
    );
    for (let i = 0; i < 6; i++) {
      const answer = await fetch(`${set.url}/api/health`);
      expect(answer.status).toBe(200);
      expect(((await answer.json()) as { replica: string }).replica).not.toBe(recorder!.name);
    }
  });
});
