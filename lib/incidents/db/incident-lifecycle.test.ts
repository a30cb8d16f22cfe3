import type { Kysely } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { WharfError } from "@/lib/core/errors";
import { dialects, freshDatabase, type TestDatabase } from "@/tests/support/dialects";
import { acknowledgeIncident } from "./acknowledge-incident";
import { appendIncidentNote } from "./append-incident-note";
import { endIncident } from "./end-incident";
import { findOpenIncident } from "./find-open-incident";
import { getIncident } from "./get-incident";
import type { IncidentTables } from "./incident-table";
import { openIncident } from "./open-incident";
import { testIncident } from "./test-incident";
import { updateIncident } from "./update-incident";

describe.each(dialects)(
  "an incident's life on %s: open → find → update → acknowledge → note → end",
  (dialect) => {
    let test: TestDatabase;
    let db: Kysely<IncidentTables>;
    beforeAll(async () => {
      test = await freshDatabase(dialect);
      db = test.db;
    });
    afterAll(() => test?.close());
    beforeEach(async () => {
      await db.deleteFrom("incidents").execute();
    });

    it("is found while open, grows with each crash, and is gone from the open lookup once ended", async () => {
      const opened = await openIncident(db, testIncident({ kind: "exit", exitCode: 1 }));
      expect(await findOpenIncident(db, "alpha", "api")).toEqual(opened);

      const updated = await updateIncident(db, opened.id, {
        kind: "restart-loop",
        count: 4,
        lastAt: "2025-03-01T10:03:00.000Z",
        logTail: ["stderr: boom again"],
      });
      expect(updated).toEqual({
        ...opened,
        kind: "restart-loop",
        count: 4,
        lastAt: "2025-03-01T10:03:00.000Z",
        logTail: ["stderr: boom again"],
      });
      expect(await findOpenIncident(db, "alpha", "api")).toEqual(updated);

      const ended = await endIncident(db, opened.id, "2025-03-01T10:05:00.000Z", "recovered");
      expect(ended).toEqual({ ...updated, endedAt: "2025-03-01T10:05:00.000Z", endReason: "recovered" });
      expect(await findOpenIncident(db, "alpha", "api")).toBeNull();
      expect(await getIncident(db, opened.id)).toEqual(ended);
    });

    it("finds only the same host's container, and the newest open incident when there are several", async () => {
      await openIncident(db, testIncident({ hostId: "beta" }));
      await openIncident(db, testIncident({ containerName: "worker" }));
      await openIncident(db, testIncident({ target: "service" }));
      expect(await findOpenIncident(db, "alpha", "api")).toBeNull();

      const older = await openIncident(db, testIncident({ openedAt: "2025-03-01T09:00:00.000Z" }));
      const newer = await openIncident(db, testIncident({ openedAt: "2025-03-01T11:00:00.000Z" }));
      await openIncident(db, testIncident({ openedAt: "2025-03-01T12:00:00.000Z" }));
      const newest = await findOpenIncident(db, "alpha", "api");
      expect(newest?.openedAt).toBe("2025-03-01T12:00:00.000Z");

      await endIncident(db, newest!.id, "2025-03-01T12:01:00.000Z", "recovered");
      expect((await findOpenIncident(db, "alpha", "api"))?.id).toBe(newer.id);
      expect(older.id).toBeLessThan(newer.id);
    });

    it("updates only the given fields, and null clears a nullable one", async () => {
      const opened = await openIncident(
        db,
        testIncident({ kind: "unhealthy", exitCode: null, healthOutput: "timeout" }),
      );
      const imageOnly = await updateIncident(db, opened.id, {
        image: "localhost/api:2",
        containerId: "9e9e9e",
      });
      expect(imageOnly).toEqual({ ...opened, image: "localhost/api:2", containerId: "9e9e9e" });

      const cleared = await updateIncident(db, opened.id, { healthOutput: null, exitCode: 137, kind: "oom" });
      expect(cleared).toEqual({ ...imageOnly, healthOutput: null, exitCode: 137, kind: "oom" });

      expect(await updateIncident(db, opened.id, {})).toEqual(cleared);
      const oom = await updateIncident(db, opened.id, { oom: true, lastStderr: "killed" });
      expect(oom).toMatchObject({ oom: true, lastStderr: "killed" });
    });

    it("keeps the first end time, and its reason, when the end is reported twice", async () => {
      const { id } = await openIncident(db, testIncident());
      await endIncident(db, id, "2025-03-01T10:05:00.000Z", "recovered");
      const again = await endIncident(db, id, "2025-03-01T10:09:00.000Z", "removed");
      expect(again.endedAt).toBe("2025-03-01T10:05:00.000Z");
      expect(again.endReason).toBe("recovered");
    });

    it("records who acknowledged it and when, leaving it open, and keeps the first acknowledgement", async () => {
      const opened = await openIncident(db, testIncident());
      const acked = await acknowledgeIncident(db, opened.id, "alice", "2025-03-01T10:02:00.000Z");
      expect(acked).toEqual({
        ...opened,
        acknowledgedBy: "alice",
        acknowledgedAt: "2025-03-01T10:02:00.000Z",
      });
      expect(await findOpenIncident(db, "alpha", "api")).toEqual(acked);
      const again = await acknowledgeIncident(db, opened.id, "bob", "2025-03-01T10:07:00.000Z");
      expect(again).toMatchObject({ acknowledgedBy: "alice", acknowledgedAt: "2025-03-01T10:02:00.000Z" });
    });

    it("adds notes in order and keeps the newest 100", async () => {
      const { id } = await openIncident(db, testIncident());
      await appendIncidentNote(db, id, "Auto-heal restarted it (try 1 of 5)", "2026-01-01T00:00:01.000Z");
      const incident = await appendIncidentNote(db, id, "Auto-heal gave up", "2026-01-01T00:00:02.000Z");
      expect(incident.notes).toEqual([
        { at: "2026-01-01T00:00:01.000Z", text: "Auto-heal restarted it (try 1 of 5)" },
        { at: "2026-01-01T00:00:02.000Z", text: "Auto-heal gave up" },
      ]);
      expect((await getIncident(db, id)).notes).toEqual(incident.notes);
      for (let i = 3; i <= 105; i++) await appendIncidentNote(db, id, `note ${i}`);
      const { notes } = await getIncident(db, id);
      expect(notes).toHaveLength(100);
      expect(notes[0]?.text).toBe("note 6");
      expect(notes.at(-1)?.text).toBe("note 105");
    });

    it("cuts a note to 500 characters, and two notes written at once both land", async () => {
      const { id } = await openIncident(db, testIncident());
      await Promise.all([appendIncidentNote(db, id, "x".repeat(600)), appendIncidentNote(db, id, "second")]);
      const { notes } = await getIncident(db, id);
      expect(notes.map((note) => note.text.length).sort()).toEqual([500, 6].sort());
    });

    it("answers NOT_FOUND naming the incident for an unknown id, whatever the verb", async () => {
      const notFound = new WharfError("NOT_FOUND", "Incident 42 not found");
      await expect(getIncident(db, 42)).rejects.toThrow(notFound);
      await expect(updateIncident(db, 42, { count: 2 })).rejects.toThrow(notFound);
      await expect(updateIncident(db, 42, {})).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(endIncident(db, 42, "2025-03-01T10:05:00.000Z", "recovered")).rejects.toThrow(notFound);
      await expect(acknowledgeIncident(db, 42, "alice", "2025-03-01T10:02:00.000Z")).rejects.toThrow(
        notFound,
      );
      await expect(appendIncidentNote(db, 42, "x")).rejects.toThrow(notFound);
    });
  },
);
