import type { Kysely } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { dialects, freshDatabase, type TestDatabase } from "@/tests/support/dialects";
import { findRollbackSource } from "./find-rollback-source";
import type { HistoryTables } from "./history-table";
import { insertHistory, type TestHistory } from "./test-history";

describe.each(dialects)("findRollbackSource on %s", (dialect) => {
  let test: TestDatabase;
  let db: Kysely<HistoryTables>;
  beforeAll(async () => {
    test = await freshDatabase(dialect);
    db = test.db;
  });
  afterAll(() => test?.close());
  beforeEach(async () => {
    await db.deleteFrom("deploy_history").execute();
  });

  let minute = 0;
  const add = (overrides: TestHistory) =>
    insertHistory(db, { at: `2025-03-01T10:${String(minute++).padStart(2, "0")}:00.000Z`, ...overrides });
  const source = (containerId: string) => findRollbackSource(db, "alpha", "api", containerId);

  it("finds the redeploy that made this container", async () => {
    const deploy = await add({
      containerIdBefore: "c0",
      containerIdAfter: "c1",
      imageIdBefore: "i1",
      imageIdAfter: "i2",
    });
    expect(await source("c1")).toEqual({ entry: expect.objectContaining({ id: deploy.id }), reason: null });
  });

  it("follows forced and no-change redeploys back to the one that changed the image", async () => {
    const deploy = await add({
      containerIdBefore: "c0",
      containerIdAfter: "c1",
      imageIdBefore: "i1",
      imageIdAfter: "i2",
    });
    await add({ containerIdBefore: "c1", containerIdAfter: "c1", imageIdBefore: "i2", imageIdAfter: "i2" });
    await add({ containerIdBefore: "c1", containerIdAfter: "c2", imageIdBefore: "i2", imageIdAfter: "i2" });
    expect((await source("c2")).entry?.id).toBe(deploy.id);
  });

  it("does not take another container's deploy under the same name", async () => {
    await add({ containerIdBefore: "c0", containerIdAfter: "c1", imageIdBefore: "i1", imageIdAfter: "i2" });
    expect(await source("c9")).toEqual({
      entry: null,
      reason: "no redeploy of this container through Wharf is recorded",
    });
  });

  it("a container re-created outside Wharf starts a lineage of its own", async () => {
    await add({ containerIdBefore: "c0", containerIdAfter: "c1", imageIdBefore: "i1", imageIdAfter: "i2" });
    await add({
      source: "external",
      actor: "external",
      containerIdBefore: "c1",
      containerIdAfter: "c2",
      imageIdBefore: "i-other",
      imageIdAfter: "i3",
    });
    const found = await source("c2");
    expect(found.entry).toBeNull();
    expect(found.reason).toContain("re-created outside Wharf");
  });

  it("ignores deploys that did not succeed", async () => {
    await add({
      containerIdBefore: "c1",
      containerIdAfter: "c1",
      imageIdBefore: "i1",
      imageIdAfter: "i1",
      outcome: "rolled-back",
    });
    expect((await source("c1")).entry).toBeNull();
  });
});
