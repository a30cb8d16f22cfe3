import { sql, type Kysely } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { dialects, freshDatabase, type TestDatabase } from "@/tests/support/dialects";
import type { InsightsReads } from "./insights-reads";
import { listDeployFacts } from "./list-deploy-facts";
import { listProjectContainers } from "./list-project-containers";
import { listRestoreFacts } from "./list-restore-facts";

const range = { from: "2025-03-01T00:00:00.000Z", to: "2025-03-02T00:00:00.000Z" };

describe.each(dialects)("insights' reads on %s", (dialect) => {
  let test: TestDatabase;
  let db: Kysely<InsightsReads>;
  beforeAll(async () => {
    test = await freshDatabase(dialect);
    db = test.db;
  });
  afterAll(() => test?.close());
  beforeEach(async () => {
    await sql`DELETE FROM deploy_history`.execute(db);
    await sql`DELETE FROM incidents`.execute(db);
  });

  const deploy = (at: string, over: Record<string, unknown> = {}) =>
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test row of the owner's table
    (db as Kysely<any>)
      .insertInto("deploy_history")
      .values({
        at,
        actor: "alice",
        source: "ui",
        action: "redeploy",
        host_id: "alpha",
        container_name: "api",
        outcome: "succeeded",
        project: "shop",
        ...over,
      })
      .execute();

  it("lists settled redeploys in the range, oldest first, with the image's created label", async () => {
    await deploy("2025-03-01T12:00:00.000Z", {
      crashed_after: 1,
      provenance_after: JSON.stringify({ created: "2025-02-28T00:00:00Z", version: "2" }),
    });
    await deploy("2025-03-01T10:00:00.000Z", { host_id: "bravo", project: null });
    await deploy("2025-03-01T11:00:00.000Z", { outcome: null });
    await deploy("2025-03-01T11:30:00.000Z", { action: "rollback" });
    await deploy("2025-03-02T00:00:00.000Z");
    expect(await listDeployFacts(db, range)).toEqual([
      {
        at: "2025-03-01T10:00:00.000Z",
        hostId: "bravo",
        containerName: "api",
        project: null,
        service: null,
        outcome: "succeeded",
        crashedAfter: null,
        imageCreated: null,
      },
      {
        at: "2025-03-01T12:00:00.000Z",
        hostId: "alpha",
        containerName: "api",
        project: "shop",
        service: null,
        outcome: "succeeded",
        crashedAfter: true,
        imageCreated: "2025-02-28T00:00:00Z",
      },
    ]);
    expect((await listDeployFacts(db, { ...range, hostId: "bravo" })).map((f) => f.hostId)).toEqual([
      "bravo",
    ]);
    expect((await listDeployFacts(db, { ...range, project: "shop" })).map((f) => f.hostId)).toEqual([
      "alpha",
    ]);
    expect(await listProjectContainers(db, "shop")).toEqual([{ hostId: "alpha", containerName: "api" }]);
  });

  it("lists the incidents opened in the range, on one host if asked", async () => {
    const open = (at: string, hostId: string, ended: string | null) =>
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test row of the owner's table
      (db as Kysely<any>)
        .insertInto("incidents")
        .values({
          host_id: hostId,
          container_name: "api",
          container_id: "c1",
          image: "localhost/api:1",
          kind: "exit",
          opened_at: at,
          last_at: at,
          ended_at: ended,
          end_reason: ended ? "recovered" : null,
        })
        .execute();
    await open("2025-03-01T12:00:00.000Z", "alpha", "2025-03-01T12:05:00.000Z");
    await open("2025-03-01T09:00:00.000Z", "bravo", null);
    await open("2025-02-28T09:00:00.000Z", "alpha", null);
    expect(await listRestoreFacts(db, range)).toEqual([
      {
        openedAt: "2025-03-01T09:00:00.000Z",
        endedAt: null,
        hostId: "bravo",
        containerName: "api",
        endReason: null,
      },
      {
        openedAt: "2025-03-01T12:00:00.000Z",
        endedAt: "2025-03-01T12:05:00.000Z",
        hostId: "alpha",
        containerName: "api",
        endReason: "recovered",
      },
    ]);
    expect(await listRestoreFacts(db, { ...range, hostId: "alpha" })).toHaveLength(1);
  });
});
