import { sql, type Kysely } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { dialects, freshDatabase, type TestDatabase } from "@/tests/support/dialects";
import { listServiceHistory } from "./list-service-history";
import { recordServiceHistory, type NewServiceHistoryEntry } from "./record-service-history";
import { serviceHistoryColumns, type ServicesTables } from "./service-history-table";
import { settleServiceHistory } from "./settle-service-history";

const redeploy: NewServiceHistoryEntry = {
  at: "2026-01-01T00:00:00.000Z",
  actor: "admin",
  source: "ui",
  action: "redeploy",
  hostId: "sierra",
  serviceName: "web",
  serviceId: "svc1",
  imageBefore: "127.0.0.1:5000/app:v1",
  digestBefore: "sha256:aaa",
  replicasBefore: 2,
  versionBefore: 10,
};

describe.each(dialects)("service history on %s", (dialect) => {
  let test: TestDatabase;
  let db: Kysely<ServicesTables>;
  beforeAll(async () => {
    test = await freshDatabase(dialect);
    db = test.db;
  });
  afterAll(() => test?.close());
  beforeEach(async () => {
    await db.deleteFrom("service_history").execute();
  });

  it("declares every column the migrated table has, and only those", async () => {
    const columns =
      dialect === "sqlite"
        ? await sql<{ name: string }>`SELECT name FROM pragma_table_info('service_history')`.execute(db)
        : await sql<{ name: string }>`
            SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'service_history'`.execute(
            db,
          );
    expect(columns.rows.map((c) => c.name).sort()).toEqual([...serviceHistoryColumns].sort());
  });

  it("records an action's row before it runs, with what it has not learned yet left empty", async () => {
    const entry = await recordServiceHistory(db, redeploy);
    expect(entry).toEqual({
      ...redeploy,
      id: expect.any(Number),
      imageAfter: null,
      digestAfter: null,
      replicasAfter: null,
      versionAfter: null,
      outcome: null,
      error: null,
      durationMs: null,
    });
    expect(await listServiceHistory(db, "sierra", "web")).toEqual([entry]);
  });

  it("settles a row with its outcome, keeping what the patch leaves out", async () => {
    const entry = await recordServiceHistory(db, { ...redeploy, imageAfter: "127.0.0.1:5000/app:v2" });
    const failed = await settleServiceHistory(db, entry.id, {
      outcome: "failed",
      error: "no such image",
      durationMs: 1200,
    });
    expect(failed).toMatchObject({
      imageAfter: "127.0.0.1:5000/app:v2",
      digestAfter: null,
      outcome: "failed",
      error: "no such image",
      durationMs: 1200,
    });
    // A settle names its error every time: one without clears it, and keeps the rest.
    const settled = await settleServiceHistory(db, entry.id, {
      digestAfter: "sha256:bbb",
      replicasAfter: 3,
      versionAfter: 12,
    });
    expect(settled).toEqual({
      ...failed,
      digestAfter: "sha256:bbb",
      replicasAfter: 3,
      versionAfter: 12,
      error: null,
    });
    expect(await listServiceHistory(db, "sierra", "web")).toEqual([settled]);
  });

  it("answers NOT_FOUND when settling a row that does not exist", async () => {
    await expect(settleServiceHistory(db, 987654, { outcome: "succeeded" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "Service history row 987654 not found",
    });
  });

  it("lists one service's rows on one host, newest first (ties by id), at most the limit", async () => {
    const at = (minute: number) => `2026-01-01T00:0${minute}:00.000Z`;
    const first = await recordServiceHistory(db, { ...redeploy, at: at(1) });
    const tieA = await recordServiceHistory(db, { ...redeploy, at: at(3), action: "scale" });
    const tieB = await recordServiceHistory(db, { ...redeploy, at: at(3), action: "restart" });
    const middle = await recordServiceHistory(db, {
      ...redeploy,
      at: at(2),
      source: "external",
      actor: "external",
      action: "update",
    });
    await recordServiceHistory(db, { ...redeploy, serviceName: "api", at: at(4) });
    await recordServiceHistory(db, { ...redeploy, hostId: "tango", at: at(5) });
    const ids = (entries: { id: number }[]) => entries.map((e) => e.id);
    expect(ids(await listServiceHistory(db, "sierra", "web"))).toEqual([
      tieB.id,
      tieA.id,
      middle.id,
      first.id,
    ]);
    expect(ids(await listServiceHistory(db, "sierra", "web", 2))).toEqual([tieB.id, tieA.id]);
    expect(await listServiceHistory(db, "sierra", "nope")).toEqual([]);
  });

  it("refuses a source or an action the table does not know", async () => {
    await expect(
      recordServiceHistory(db, { ...redeploy, source: "cron" as NewServiceHistoryEntry["source"] }),
    ).rejects.toThrow(/CHECK|check constraint/i);
    await expect(
      recordServiceHistory(db, { ...redeploy, action: "delete" as NewServiceHistoryEntry["action"] }),
    ).rejects.toThrow(/CHECK|check constraint/i);
    expect(await listServiceHistory(db, "sierra", "web")).toEqual([]);
  });
});
