import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { WharfError } from "@/lib/core/errors";
import { openDb, type Db } from "./db";
import { endIncident } from "./end-incident";
import { findOpenIncident } from "./find-open-incident";
import { getIncident } from "./get-incident";
import { openIncident } from "./open-incident";
import { testIncident } from "./test-incident";
import { updateIncident } from "./update-incident";

let db: Db;
beforeEach(() => {
  db = openDb(":memory:");
});
afterEach(() => db.close());

describe("an incident's life: open → find → update → end", () => {
  it("is found while open, grows with each crash, and is gone from the open lookup once ended", () => {
    const opened = openIncident(db, testIncident({ kind: "exit", exitCode: 1 }));
    expect(findOpenIncident(db, "alpha", "api")).toEqual(opened);

    const updated = updateIncident(db, opened.id, {
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
    expect(findOpenIncident(db, "alpha", "api")).toEqual(updated);

    const ended = endIncident(db, opened.id, "2025-03-01T10:05:00.000Z", "recovered");
    expect(ended).toEqual({ ...updated, endedAt: "2025-03-01T10:05:00.000Z", endReason: "recovered" });
    expect(findOpenIncident(db, "alpha", "api")).toBeNull();
    expect(getIncident(db, opened.id)).toEqual(ended);
  });

  it("finds only the same host's container, and the newest open incident when there are several", () => {
    openIncident(db, testIncident({ hostId: "beta" }));
    openIncident(db, testIncident({ containerName: "worker" }));
    expect(findOpenIncident(db, "alpha", "api")).toBeNull();

    const older = openIncident(db, testIncident({ openedAt: "2025-03-01T09:00:00.000Z" }));
    const newer = openIncident(db, testIncident({ openedAt: "2025-03-01T11:00:00.000Z" }));
    openIncident(db, testIncident({ openedAt: "2025-03-01T12:00:00.000Z" }));
    const newest = findOpenIncident(db, "alpha", "api");
    expect(newest?.openedAt).toBe("2025-03-01T12:00:00.000Z");

    endIncident(db, newest!.id, "2025-03-01T12:01:00.000Z", "recovered");
    expect(findOpenIncident(db, "alpha", "api")?.id).toBe(newer.id);
    expect(older.id).toBeLessThan(newer.id);
  });

  it("updates only the given fields, and null clears a nullable one", () => {
    const opened = openIncident(
      db,
      testIncident({ kind: "unhealthy", exitCode: null, healthOutput: "timeout" }),
    );
    const imageOnly = updateIncident(db, opened.id, { image: "localhost/api:2", containerId: "9e9e9e" });
    expect(imageOnly).toEqual({ ...opened, image: "localhost/api:2", containerId: "9e9e9e" });

    const cleared = updateIncident(db, opened.id, { healthOutput: null, exitCode: 137, kind: "oom" });
    expect(cleared).toEqual({ ...imageOnly, healthOutput: null, exitCode: 137, kind: "oom" });

    expect(updateIncident(db, opened.id, {})).toEqual(cleared);
  });

  it("keeps the first end time when the end is reported twice", () => {
    const { id } = openIncident(db, testIncident());
    endIncident(db, id, "2025-03-01T10:05:00.000Z", "recovered");
    const again = endIncident(db, id, "2025-03-01T10:09:00.000Z", "removed");
    expect(again.endedAt).toBe("2025-03-01T10:05:00.000Z");
    expect(again.endReason).toBe("recovered");
  });

  it("refuses to update or end an incident that does not exist", () => {
    expect(() => updateIncident(db, 42, { count: 2 })).toThrow(
      new WharfError("NOT_FOUND", "Incident 42 not found"),
    );
    expect(() => updateIncident(db, 42, {})).toThrow(WharfError);
    expect(() => endIncident(db, 42, "2025-03-01T10:05:00.000Z", "recovered")).toThrow(
      "Incident 42 not found",
    );
  });
});
