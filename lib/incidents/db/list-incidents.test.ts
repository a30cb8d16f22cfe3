import type { Kysely } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { incidentKinds } from "@/lib/fleet/incident-types";
import { type NewIncident } from "@/lib/incidents/types";
import { dialects, freshDatabase, type TestDatabase } from "@/tests/support/dialects";
import { countOpenIncidents } from "./count-open-incidents";
import { endIncident } from "./end-incident";
import { getIncident } from "./get-incident";
import { MAX_LOG_TAIL_LINES } from "./incident-row";
import type { IncidentTables } from "./incident-table";
import { listIncidents } from "./list-incidents";
import { openIncident } from "./open-incident";
import { testIncident } from "./test-incident";
import { updateIncident } from "./update-incident";

const at = (minute: number) => `2025-03-01T10:${String(minute).padStart(2, "0")}:00.000Z`;
const lines = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}`);

describe.each(dialects)("incidents stored and listed on %s", (dialect) => {
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
  const open = (minute: number, overrides: Partial<NewIncident> = {}) =>
    openIncident(db, testIncident({ openedAt: at(minute), lastAt: at(minute), ...overrides }));

  it("stores every field and reads it back as the Incident the API returns", async () => {
    const input = testIncident({
      kind: "unhealthy",
      exitCode: null,
      count: 2,
      logTail: ["stdout: ready", "stderr: db: connection refused"],
      healthOutput: "curl: (7) Failed to connect",
    });
    const incident = await openIncident(db, input);
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
    expect(await getIncident(db, incident.id)).toEqual(incident);
  });

  it("keeps only the last 50 log lines, on open and on update", async () => {
    const opened = await openIncident(db, testIncident({ logTail: lines(120) }));
    expect(MAX_LOG_TAIL_LINES).toBe(50);
    expect(opened.logTail).toHaveLength(50);
    expect(opened.logTail[0]).toBe("line 71");
    expect(opened.logTail.at(-1)).toBe("line 120");
    const updated = await updateIncident(db, opened.id, { logTail: lines(51) });
    expect(updated.logTail).toEqual(lines(51).slice(1));
  });

  it("accepts every incident kind the code knows, and nothing else", async () => {
    for (const kind of incidentKinds)
      expect((await openIncident(db, testIncident({ kind }))).kind).toBe(kind);
    await expect(openIncident(db, testIncident({ kind: "exploded" as never }))).rejects.toThrow(/check/i);
  });

  it("lists newest first, and the later-recorded first when two opened at the same time", async () => {
    const middle = await open(20);
    const oldest = await open(10);
    const tieFirst = await open(30);
    const tieSecond = await open(30);
    expect((await listIncidents(db, {})).map((i) => i.id)).toEqual([
      tieSecond.id,
      tieFirst.id,
      middle.id,
      oldest.id,
    ]);
  });

  it("filters open, ended, target, host and container, alone and together", async () => {
    const apiAlpha = await open(1);
    const apiAlphaEnded = await open(2);
    await endIncident(db, apiAlphaEnded.id, at(3), "recovered");
    const workerAlpha = await open(4, { containerName: "worker" });
    const apiBeta = await open(5, { hostId: "beta" });
    const service = await open(6, { target: "service", containerName: "web", kind: "short" });
    const ids = async (filter: Parameters<typeof listIncidents>[1]) =>
      (await listIncidents(db, filter)).map((i) => i.id);

    expect(await ids({ open: true })).toEqual([service.id, apiBeta.id, workerAlpha.id, apiAlpha.id]);
    expect(await ids({ open: false })).toEqual([apiAlphaEnded.id]);
    expect(await ids({ target: "service" })).toEqual([service.id]);
    expect(await ids({ hostId: "beta" })).toEqual([apiBeta.id]);
    expect(await ids({ containerName: "api" })).toEqual([apiBeta.id, apiAlphaEnded.id, apiAlpha.id]);
    expect(await ids({ hostId: "alpha", containerName: "api" })).toEqual([apiAlphaEnded.id, apiAlpha.id]);
    expect(await ids({ hostId: "alpha", containerName: "api", open: true, target: "container" })).toEqual([
      apiAlpha.id,
    ]);
    expect(await ids({ hostId: "alph" })).toEqual([]);
  });

  it("returns 200 by default, honours a smaller limit, and never more than 1000", async () => {
    await db
      .insertInto("incidents")
      .values(
        Array.from({ length: 1005 }, (_, i) => ({
          host_id: "alpha",
          container_name: `c${i}`,
          container_id: "x",
          image: "i",
          kind: "exit" as const,
          exit_code: 1,
          opened_at: at(i % 60),
          last_at: at(i % 60),
        })),
      )
      .execute();
    expect(await listIncidents(db, {})).toHaveLength(200);
    expect(await listIncidents(db, { limit: 5 })).toHaveLength(5);
    expect(await listIncidents(db, { limit: 5000 })).toHaveLength(1000);
    expect(await listIncidents(db, { limit: 0 })).toHaveLength(1);
  });

  it("counts the open incidents per host and kind, as numbers", async () => {
    await open(1);
    await open(2, { containerName: "worker" });
    await open(3, { hostId: "beta", kind: "oom" });
    const ended = await open(4, { hostId: "beta", kind: "dead" });
    await endIncident(db, ended.id, at(5), "removed");
    expect(await countOpenIncidents(db)).toEqual([
      { hostId: "alpha", kind: "exit", count: 2 },
      { hostId: "beta", kind: "oom", count: 1 },
    ]);
  });
});
