import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { appendIncidentNote } from "./append-incident-note";
import { openDb, type Db } from "./db";
import { getIncident } from "./get-incident";
import { openIncident } from "./open-incident";
import { testIncident } from "./test-incident";

let db: Db;
beforeEach(() => {
  db = openDb(":memory:");
});
afterEach(() => db.close());

describe("appendIncidentNote", () => {
  it("adds lines in order and keeps them with the incident", () => {
    const { id } = openIncident(db, testIncident());
    appendIncidentNote(db, id, "Auto-heal restarted it (try 1 of 5)", "2026-01-01T00:00:01.000Z");
    const incident = appendIncidentNote(db, id, "Auto-heal gave up", "2026-01-01T00:00:02.000Z");
    expect(incident.notes).toEqual([
      { at: "2026-01-01T00:00:01.000Z", text: "Auto-heal restarted it (try 1 of 5)" },
      { at: "2026-01-01T00:00:02.000Z", text: "Auto-heal gave up" },
    ]);
    expect(getIncident(db, id).notes).toEqual(incident.notes);
  });

  it("keeps the newest 100 lines", () => {
    const { id } = openIncident(db, testIncident());
    for (let i = 1; i <= 105; i++) appendIncidentNote(db, id, `note ${i}`);
    const { notes } = getIncident(db, id);
    expect(notes).toHaveLength(100);
    expect(notes[0]?.text).toBe("note 6");
    expect(notes.at(-1)?.text).toBe("note 105");
  });

  it("is a NOT_FOUND for an unknown incident", () => {
    expect(() => appendIncidentNote(db, 999, "x")).toThrow("Incident 999 not found");
  });
});
