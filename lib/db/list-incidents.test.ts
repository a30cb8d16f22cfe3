import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { NewIncident } from "@/lib/incidents/types";
import { openDb, type Db } from "./db";
import { endIncident } from "./end-incident";
import { listIncidents } from "./list-incidents";
import { openIncident } from "./open-incident";
import { testIncident } from "./test-incident";

let db: Db;
beforeEach(() => {
  db = openDb(":memory:");
});
afterEach(() => db.close());

const at = (minute: number) => `2025-03-01T10:${String(minute).padStart(2, "0")}:00.000Z`;
const open = (minute: number, overrides: Partial<NewIncident> = {}) =>
  openIncident(db, testIncident({ openedAt: at(minute), lastAt: at(minute), ...overrides }));

describe("listIncidents", () => {
  it("lists newest first, and the later-recorded first when two opened at the same time", () => {
    const middle = open(20);
    const oldest = open(10);
    const tieFirst = open(30);
    const tieSecond = open(30);
    expect(listIncidents(db, {}).map((i) => i.id)).toEqual([tieSecond.id, tieFirst.id, middle.id, oldest.id]);
  });

  it("filters open, ended, host and container, alone and together", () => {
    const apiAlpha = open(1);
    const apiAlphaEnded = open(2);
    endIncident(db, apiAlphaEnded.id, at(3), "recovered");
    const workerAlpha = open(4, { containerName: "worker" });
    const apiBeta = open(5, { hostId: "beta" });
    const ids = (filter: Parameters<typeof listIncidents>[1]) => listIncidents(db, filter).map((i) => i.id);

    expect(ids({ open: true })).toEqual([apiBeta.id, workerAlpha.id, apiAlpha.id]);
    expect(ids({ open: false })).toEqual([apiAlphaEnded.id]);
    expect(ids({ hostId: "beta" })).toEqual([apiBeta.id]);
    expect(ids({ containerName: "api" })).toEqual([apiBeta.id, apiAlphaEnded.id, apiAlpha.id]);
    expect(ids({ hostId: "alpha", containerName: "api" })).toEqual([apiAlphaEnded.id, apiAlpha.id]);
    expect(ids({ hostId: "alpha", containerName: "api", open: true })).toEqual([apiAlpha.id]);
    expect(ids({ hostId: "alph" })).toEqual([]);
  });

  it("returns 200 by default, honours a smaller limit, and never more than 1000", () => {
    db.transaction(() => {
      for (let i = 0; i < 1005; i++) open(i % 60, { containerName: `c${i}` });
    })();
    expect(listIncidents(db, {})).toHaveLength(200);
    expect(listIncidents(db, { limit: 5 })).toHaveLength(5);
    expect(listIncidents(db, { limit: 5000 })).toHaveLength(1000);
    expect(listIncidents(db, { limit: 0 })).toHaveLength(1);
  });
});
