import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { incidentKinds } from "@/lib/incidents/types";
import { openDb, type Db } from "./db";
import { getIncident } from "./get-incident";
import { MAX_LOG_TAIL_LINES } from "./incident-row";
import { openIncident } from "./open-incident";
import { testIncident } from "./test-incident";
import { updateIncident } from "./update-incident";

let db: Db;
beforeEach(() => {
  db = openDb(":memory:");
});
afterEach(() => db.close());

const lines = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}`);

describe("openIncident", () => {
  it("stores every field and reads it back as the Incident the API returns", () => {
    const input = testIncident({
      kind: "unhealthy",
      exitCode: null,
      count: 2,
      logTail: ["stdout: ready", "stderr: db: connection refused"],
      healthOutput: "curl: (7) Failed to connect",
    });
    const incident = openIncident(db, input);
    expect(incident).toEqual({
      ...input,
      id: incident.id,
      endedAt: null,
      acknowledgedBy: null,
      acknowledgedAt: null,
      notes: [],
      logReadAt: null,
      deploy: null,
      target: "container",
      endReason: null,
      taskId: null,
      nodeId: null,
      error: null,
    });
    expect(getIncident(db, incident.id)).toEqual(incident);
  });

  it("keeps only the last 50 log lines, on open and on update", () => {
    const opened = openIncident(db, testIncident({ logTail: lines(120) }));
    expect(MAX_LOG_TAIL_LINES).toBe(50);
    expect(opened.logTail).toHaveLength(50);
    expect(opened.logTail[0]).toBe("line 71");
    expect(opened.logTail.at(-1)).toBe("line 120");

    const updated = updateIncident(db, opened.id, { logTail: lines(51) });
    expect(updated.logTail).toEqual(lines(51).slice(1));
  });

  it("accepts every incident kind the code knows, and nothing else", () => {
    for (const kind of incidentKinds) expect(openIncident(db, testIncident({ kind })).kind).toBe(kind);
    expect(() => openIncident(db, testIncident({ kind: "exploded" as never }))).toThrow(/CHECK constraint/);
  });
});
