import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AdvisoryLocks } from "@/lib/db/advisory-locks";
import { freshPostgresUrl, postgresServers } from "@/tests/support/dialects";

describe.each(postgresServers)("action locks across replicas on PostgreSQL (%s)", (server) => {
  let database: Awaited<ReturnType<typeof freshPostgresUrl>>;
  let replicaA: AdvisoryLocks;
  let replicaB: AdvisoryLocks;

  beforeEach(async () => {
    database = await freshPostgresUrl(server);
    replicaA = new AdvisoryLocks(database.url, "test");
    replicaB = new AdvisoryLocks(database.url, "test");
  });
  afterEach(async () => {
    await Promise.all([replicaA.close(), replicaB.close()]);
    await database.drop();
  });

  it("refuses the second taker of a key, on another replica or the same, until the first releases it", async () => {
    const unlock = await replicaA.tryLock("containers/alpha/web");
    expect(unlock).not.toBeNull();
    expect(await replicaB.tryLock("containers/alpha/web")).toBeNull();
    expect(await replicaA.tryLock("containers/alpha/web")).toBeNull();
    const other = await replicaB.tryLock("containers/alpha/api");
    expect(other).not.toBeNull();
    await unlock!();
    const next = await replicaB.tryLock("containers/alpha/web");
    expect(next).not.toBeNull();
    await next!();
    await other!();
  });

  it("frees a replica's locks when its connections go (a replica killed mid-action)", async () => {
    expect(await replicaA.tryLock("containers/alpha/web")).not.toBeNull();
    await replicaA.close();
    replicaA = new AdvisoryLocks(database.url, "test");
    const unlock = await replicaB.tryLock("containers/alpha/web");
    expect(unlock).not.toBeNull();
    await unlock!();
  });
});
