import type { Kysely } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { dialects, freshDatabase, type TestDatabase } from "@/tests/support/dialects";
import { endServiceIncidents } from "./end-service-incidents";
import type { IncidentTables } from "./incident-table";
import { listServiceIncidents } from "./list-service-incidents";
import { noteServiceIncident, type ServiceIncidentNote } from "./note-service-incident";
import { openIncident } from "./open-incident";
import { testIncident } from "./test-incident";

const failed = (at: string, over: Partial<ServiceIncidentNote> = {}): ServiceIncidentNote => ({
  hostId: "sierra",
  serviceName: "web",
  serviceId: "s1",
  image: "127.0.0.1:5000/web:1",
  kind: "task-failed",
  taskId: "t1",
  nodeId: "n1",
  error: "task: non-zero exit (3)",
  exitCode: 3,
  logTail: ["boom"],
  at,
  ...over,
});

describe.each(dialects)("a swarm service's incidents on %s", (dialect) => {
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

  it("opens one incident per service and kind, and folds each later failure into it", async () => {
    const first = await noteServiceIncident(db, failed("2026-01-01T00:00:00.000Z"));
    expect(first.opened).toBe(true);
    expect(first.incident).toMatchObject({
      target: "service",
      hostId: "sierra",
      containerName: "web",
      containerId: "s1",
      kind: "task-failed",
      count: 1,
      taskId: "t1",
      exitCode: 3,
      logTail: ["boom"],
      deploy: null,
    });
    const second = await noteServiceIncident(
      db,
      failed("2026-01-01T00:01:00.000Z", {
        taskId: "t2",
        nodeId: null,
        error: null,
        exitCode: null,
        logTail: [],
      }),
    );
    expect(second.opened).toBe(false);
    // A failure that says less keeps what the earlier one said: its node, error, exit code and logs.
    expect(second.incident).toEqual({
      ...first.incident,
      count: 2,
      taskId: "t2",
      lastAt: "2026-01-01T00:01:00.000Z",
    });
    const refreshed = await noteServiceIncident(db, failed("2026-01-01T00:02:00.000Z"), false);
    expect(refreshed.incident.count).toBe(2);
    const short = await noteServiceIncident(db, failed("2026-01-01T00:03:00.000Z", { kind: "short" }));
    expect(short.opened).toBe(true);
  });

  it("ends the open ones of a kind with their reason, and lists them newest first by host and service", async () => {
    await openIncident(db, testIncident({ hostId: "sierra", containerName: "web" }));
    const web = (await noteServiceIncident(db, failed("2026-01-01T00:00:00.000Z"))).incident;
    const api = (await noteServiceIncident(db, failed("2026-01-01T00:01:00.000Z", { serviceName: "api" })))
      .incident;
    const other = (await noteServiceIncident(db, failed("2026-01-01T00:02:00.000Z", { hostId: "tango" })))
      .incident;
    const ids = (incidents: { id: number }[]) => incidents.map((i) => i.id);

    expect(ids(await listServiceIncidents(db, { hostIds: ["sierra", "tango"], openOnly: true }))).toEqual([
      other.id,
      api.id,
      web.id,
    ]);
    expect(await listServiceIncidents(db, { hostIds: [], openOnly: true })).toEqual([]);
    const ended = await endServiceIncidents(
      db,
      "sierra",
      "web",
      "task-failed",
      "2026-01-01T00:05:00.000Z",
      "removed",
    );
    expect(ended).toEqual([{ ...web, endedAt: "2026-01-01T00:05:00.000Z", endReason: "removed" }]);
    expect(
      await endServiceIncidents(db, "sierra", "web", "task-failed", "2026-01-01T00:06:00.000Z", "removed"),
    ).toEqual([]);
    expect(ids(await listServiceIncidents(db, { hostIds: ["sierra"], openOnly: true }))).toEqual([api.id]);
    expect(
      ids(await listServiceIncidents(db, { hostIds: ["sierra"], serviceName: "web", openOnly: false }, 20)),
    ).toEqual([web.id]);
    // After it ended, the next failure is a new incident.
    expect((await noteServiceIncident(db, failed("2026-01-01T00:07:00.000Z"))).opened).toBe(true);
  });
});
