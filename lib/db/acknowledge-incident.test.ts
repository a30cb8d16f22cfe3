import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { WharfError } from "@/lib/core/errors";
import { acknowledgeIncident } from "./acknowledge-incident";
import { openDb, type Db } from "./db";
import { findOpenIncident } from "./find-open-incident";
import { openIncident } from "./open-incident";
import { testIncident } from "./test-incident";

let db: Db;
beforeEach(() => {
  db = openDb(":memory:");
});
afterEach(() => db.close());

describe("acknowledgeIncident", () => {
  it("records who acknowledged it and when, leaving it open", () => {
    const opened = openIncident(db, testIncident());
    const acked = acknowledgeIncident(db, opened.id, "alice", "2025-03-01T10:02:00.000Z");
    expect(acked).toEqual({ ...opened, acknowledgedBy: "alice", acknowledgedAt: "2025-03-01T10:02:00.000Z" });
    expect(findOpenIncident(db, "alpha", "api")).toEqual(acked);
  });

  it("keeps the first acknowledgement when a second one comes in", () => {
    const { id } = openIncident(db, testIncident());
    acknowledgeIncident(db, id, "alice", "2025-03-01T10:02:00.000Z");
    const again = acknowledgeIncident(db, id, "bob", "2025-03-01T10:07:00.000Z");
    expect(again.acknowledgedBy).toBe("alice");
    expect(again.acknowledgedAt).toBe("2025-03-01T10:02:00.000Z");
  });

  it("throws NOT_FOUND naming the incident when the id is unknown", () => {
    openIncident(db, testIncident());
    let caught: unknown;
    try {
      acknowledgeIncident(db, 999, "alice", "2025-03-01T10:02:00.000Z");
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(WharfError);
    expect(caught).toMatchObject({ code: "NOT_FOUND", message: "Incident 999 not found" });
  });
});
