import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDb, type Db } from "./db";
import { findRollbackSource } from "./find-rollback-source";
import { insertHistory, type TestHistory } from "./test-history";

let db: Db;
beforeEach(() => {
  db = openDb(":memory:");
});
afterEach(() => db.close());

let minute = 0;
const add = (overrides: TestHistory) =>
  insertHistory(db, { at: `2025-03-01T10:${String(minute++).padStart(2, "0")}:00.000Z`, ...overrides });
const source = (containerId: string) => findRollbackSource(db, "alpha", "api", containerId);

describe("findRollbackSource", () => {
  it("finds the redeploy that made this container", () => {
    const deploy = add({
      containerIdBefore: "c0",
      containerIdAfter: "c1",
      imageIdBefore: "i1",
      imageIdAfter: "i2",
    });
    expect(source("c1")).toEqual({ entry: expect.objectContaining({ id: deploy.id }), reason: null });
  });

  it("follows forced and no-change redeploys back to the one that changed the image", () => {
    const deploy = add({
      containerIdBefore: "c0",
      containerIdAfter: "c1",
      imageIdBefore: "i1",
      imageIdAfter: "i2",
    });
    add({ containerIdBefore: "c1", containerIdAfter: "c1", imageIdBefore: "i2", imageIdAfter: "i2" });
    add({ containerIdBefore: "c1", containerIdAfter: "c2", imageIdBefore: "i2", imageIdAfter: "i2" });
    expect(source("c2").entry?.id).toBe(deploy.id);
  });

  it("does not take another container's deploy under the same name", () => {
    add({ containerIdBefore: "c0", containerIdAfter: "c1", imageIdBefore: "i1", imageIdAfter: "i2" });
    expect(source("c9")).toEqual({
      entry: null,
      reason: "no redeploy of this container through Wharf is recorded",
    });
  });

  it("a container re-created outside Wharf starts a lineage of its own", () => {
    add({ containerIdBefore: "c0", containerIdAfter: "c1", imageIdBefore: "i1", imageIdAfter: "i2" });
    add({
      source: "external",
      actor: "external",
      containerIdBefore: "c1",
      containerIdAfter: "c2",
      imageIdBefore: "i-other",
      imageIdAfter: "i3",
    });
    const found = source("c2");
    expect(found.entry).toBeNull();
    expect(found.reason).toContain("re-created outside Wharf");
  });

  it("ignores deploys that did not succeed", () => {
    add({
      containerIdBefore: "c1",
      containerIdAfter: "c1",
      imageIdBefore: "i1",
      imageIdAfter: "i1",
      outcome: "rolled-back",
    });
    expect(source("c1").entry).toBeNull();
  });
});
