import type { Kysely } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { dialects, freshDatabase, type TestDatabase } from "@/tests/support/dialects";
import { clearJournal } from "./clear-journal";
import { findExternalRow } from "./find-external-row";
import { findWharfAction } from "./find-wharf-action";
import type { HistoryTables } from "./history-table";
import { listJournal } from "./list-journal";
import { markCrashedAfter } from "./mark-crashed-after";
import { reclassifyHistory } from "./reclassify-history";
import { saveJournal } from "./save-journal";
import { settleCrashedAfter } from "./settle-crashed-after";
import { insertHistory } from "./test-history";
import { updateHistory } from "./update-history";

const at = (minute: number) =>
  new Date(Date.parse("2025-03-01T10:00:00.000Z") + minute * 60_000).toISOString();

describe.each(dialects)("history's writes on %s", (dialect) => {
  let test: TestDatabase;
  let db: Kysely<HistoryTables>;
  beforeAll(async () => {
    test = await freshDatabase(dialect);
    db = test.db;
  });
  afterAll(() => test?.close());
  beforeEach(async () => {
    await db.deleteFrom("deploy_journal").execute();
    await db.deleteFrom("deploy_history").execute();
  });

  it("keeps a redeploy's journal step by step until it is cleared", async () => {
    const row = await insertHistory(db, { outcome: null });
    const entry = {
      historyId: row.id,
      hostId: "alpha",
      containerName: "api",
      oldId: "old",
      asideName: "api-wharf-old",
      oldWasRunning: true,
      newId: null,
      step: "renaming",
    };
    await saveJournal(db, entry);
    await saveJournal(db, { ...entry, newId: "new", step: "checking" });
    expect(await listJournal(db)).toEqual([{ ...entry, newId: "new", step: "checking" }]);
    await clearJournal(db, row.id);
    expect(await listJournal(db)).toEqual([]);
  });

  it("settles a row with every field of the patch, and reads it back for an empty one", async () => {
    const row = await insertHistory(db, { outcome: null });
    const settled = await updateHistory(db, row.id, {
      outcome: "failed",
      error: "pull failed",
      configDiff: [{ field: "Image", before: "a", after: "b" }],
      crashedAfter: false,
      steps: [{ at: at(0), phase: "pull" }],
    });
    expect(settled).toMatchObject({ outcome: "failed", error: "pull failed", crashedAfter: false });
    expect(settled.steps).toEqual([{ at: at(0), phase: "pull" }]);
    expect(settled.configDiff).toEqual([{ field: "Image", before: "a", after: "b" }]);
    expect(await updateHistory(db, row.id, {})).toEqual(settled);
    await expect(updateHistory(db, row.id + 1000, { error: "x" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("marks the successful actions of the 10 minutes before a crash, and settles the others as held", async () => {
    const held = await insertHistory(db, { at: at(0), action: "restart" });
    const crashed = await insertHistory(db, { at: at(20) });
    const failed = await insertHistory(db, { at: at(21), outcome: "failed" });
    const other = await insertHistory(db, { at: at(22), containerName: "worker" });
    await markCrashedAfter(db, "alpha", "api", Date.parse(at(25)));
    await settleCrashedAfter(db, Date.parse(at(40)));
    const flag = async (id: number) => (await updateHistory(db, id, {})).crashedAfter;
    expect(await flag(held.id)).toBe(false);
    expect(await flag(crashed.id)).toBe(true);
    expect(await flag(failed.id)).toBeNull();
    expect(await flag(other.id)).toBe(false);
  });

  it("knows a change made outside Wharf it recorded already, and renames it", async () => {
    const row = await insertHistory(db, { at: at(1), source: "external", actor: "external", action: "kill" });
    const seen = { hostId: "alpha", containerName: "api", at: at(1) };
    expect(await findExternalRow(db, { ...seen, action: "kill" })).toBe(true);
    expect(await findExternalRow(db, { ...seen, action: "stop" })).toBe(false);
    await reclassifyHistory(db, row.id, { action: "stop", detail: "SIGTERM" });
    expect(await findExternalRow(db, { ...seen, action: "stop" })).toBe(true);
    expect(await updateHistory(db, row.id, {})).toMatchObject({ action: "stop", detail: "SIGTERM" });
  });

  it("tells whether one of Wharf's own actions was under way at a moment", async () => {
    await insertHistory(db, { at: at(0), durationMs: 60_000 });
    await insertHistory(db, { at: at(30), source: "external", actor: "external", durationMs: 60_000 });
    expect(await findWharfAction(db, "alpha", "api", Date.parse(at(0.5)))).toBe(true);
    expect(await findWharfAction(db, "alpha", "api", Date.parse(at(30.5)))).toBe(false);
    expect(await findWharfAction(db, "alpha", "worker", Date.parse(at(0.5)))).toBe(false);
  });
});
