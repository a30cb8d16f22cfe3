import { sql, type Kysely } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { dialects, freshDatabase, type TestDatabase } from "@/tests/support/dialects";
import { getIncident } from "./get-incident";
import type { IncidentTables } from "./incident-table";
import { listIncidents } from "./list-incidents";
import { openIncident } from "./open-incident";
import { testIncident } from "./test-incident";

const minute = (m: number) => new Date(Date.parse("2025-03-01T10:00:00.000Z") + m * 60_000).toISOString();

describe.each(dialects)("the deploy an incident followed, on %s", (dialect) => {
  let test: TestDatabase;
  let db: Kysely<IncidentTables>;
  beforeAll(async () => {
    test = await freshDatabase(dialect);
    db = test.db;
  });
  afterAll(() => test?.close());
  beforeEach(async () => {
    await db.deleteFrom("incidents").execute();
    await sql`DELETE FROM deploy_history`.execute(db);
  });

  // History's row as its own code writes it: a redeploy of api from v1 to v2 at minute `m`.
  async function deploy(m: number, over: { action?: string; outcome?: string; imageIdAfter?: string } = {}) {
    const { rows } = await sql<{ id: number }>`
      INSERT INTO deploy_history (at, actor, source, action, host_id, container_name, image_ref_before, image_ref,
        image_id_before, image_id_after, digest_before, digest_after, outcome, provenance_before, provenance_after)
      VALUES (${minute(m)}, 'alice', 'ui', ${over.action ?? "redeploy"}, 'alpha', 'api', 'localhost/api:1',
        'localhost/api:2', 'sha256:1111', ${over.imageIdAfter ?? "sha256:2222"}, 'sha256:aaaa', 'sha256:bbbb',
        ${over.outcome ?? "succeeded"}, '{"version":"1.0.0"}', '{"version":"2.0.0"}')
      RETURNING id`.execute(db);
    return rows[0]!.id;
  }
  const crash = (m: number, containerName = "api") =>
    openIncident(db, testIncident({ containerName, openedAt: minute(m), lastAt: minute(m) }));

  it("names its container's deploy of the 30 minutes before it opened, on open and on every read", async () => {
    const historyId = await deploy(0);
    const incident = await crash(30);
    const expected = {
      historyId,
      at: minute(0),
      actor: "alice",
      source: "ui",
      action: "redeploy",
      imageRefBefore: "localhost/api:1",
      imageRef: "localhost/api:2",
      digestBefore: "sha256:aaaa",
      digestAfter: "sha256:bbbb",
      versionBefore: "1.0.0",
      versionAfter: "2.0.0",
      latest: true,
    };
    expect(incident.deploy).toEqual(expected);
    expect((await getIncident(db, incident.id)).deploy).toEqual(expected);
    expect((await listIncidents(db))[0]!.deploy).toEqual(expected);
  });

  it("leaves out older deploys, other containers', those that did not hold, and says which is no longer the latest", async () => {
    await deploy(0);
    expect((await crash(31)).deploy).toBeNull();
    await deploy(40, { outcome: "failed" });
    await deploy(41, { imageIdAfter: "sha256:1111" });
    expect((await crash(42)).deploy).toBeNull();
    const first = await deploy(50);
    const early = await crash(51);
    const second = await deploy(55, { action: "rollback" });
    const later = await crash(56);
    expect((await crash(56, "worker")).deploy).toBeNull();
    expect((await getIncident(db, early.id)).deploy).toMatchObject({ historyId: first, latest: false });
    expect(later.deploy).toMatchObject({ historyId: second, action: "rollback", latest: true });
  });
});

describe.each(dialects)("the service deploy an incident followed, on %s", (dialect) => {
  let test: TestDatabase;
  let db: Kysely<IncidentTables>;
  beforeAll(async () => {
    test = await freshDatabase(dialect);
    db = test.db;
  });
  afterAll(() => test?.close());
  beforeEach(async () => {
    await db.deleteFrom("incidents").execute();
    await sql`DELETE FROM service_history`.execute(db);
    await sql`DELETE FROM deploy_history`.execute(db);
  });

  // Services' row as their own code settles it: web on the manager sierra, from v1 to v2 at minute `m`.
  async function serviceAction(
    m: number,
    over: { action?: string; outcome?: string | null; stayed?: boolean; serviceName?: string } = {},
  ) {
    // `stayed`: the action left the service on the image it ran (a scale, a no-change redeploy).
    const after = over.stayed
      ? ["127.0.0.1:5000/web:1", "sha256:aaaa"]
      : ["127.0.0.1:5000/web:2", "sha256:bbbb"];
    const { rows } = await sql<{ id: number }>`
      INSERT INTO service_history (at, actor, source, action, host_id, service_name, service_id, image_before,
        image_after, digest_before, digest_after, version_before, version_after, outcome)
      VALUES (${minute(m)}, 'bob', 'api', ${over.action ?? "redeploy"}, 'sierra', ${over.serviceName ?? "web"},
        'svc1', '127.0.0.1:5000/web:1', ${after[0]}, 'sha256:aaaa', ${after[1]}, 7, 9, ${over.outcome === undefined ? "succeeded" : over.outcome})
      RETURNING id`.execute(db);
    return rows[0]!.id;
  }
  const taskFailed = (m: number, serviceName = "web") =>
    openIncident(
      db,
      testIncident({
        target: "service",
        hostId: "sierra",
        containerName: serviceName,
        containerId: "svc1",
        image: "",
        kind: "task-failed",
        openedAt: minute(m),
        lastAt: minute(m),
      }),
    );

  it("names its service's deploy of the 30 minutes before it opened, on open and on every read", async () => {
    const historyId = await serviceAction(0);
    const incident = await taskFailed(30);
    const expected = {
      historyId,
      at: minute(0),
      actor: "bob",
      source: "api",
      action: "redeploy",
      imageRefBefore: "127.0.0.1:5000/web:1",
      imageRef: "127.0.0.1:5000/web:2",
      digestBefore: "sha256:aaaa",
      digestAfter: "sha256:bbbb",
      versionBefore: "7",
      versionAfter: "9",
      latest: true,
    };
    expect(incident.deploy).toEqual(expected);
    expect((await getIncident(db, incident.id)).deploy).toEqual(expected);
    expect((await listIncidents(db))[0]!.deploy).toEqual(expected);
  });

  it("leaves out older deploys, other services', those that did not hold, and says which is no longer the latest", async () => {
    await serviceAction(0);
    expect((await taskFailed(31)).deploy).toBeNull();
    await serviceAction(40, { outcome: "rolled-back" });
    await serviceAction(41, { outcome: "failed" });
    await serviceAction(42, { outcome: "no-change", stayed: true });
    await serviceAction(43, { action: "scale", stayed: true });
    await serviceAction(44, { action: "rollback", stayed: true });
    expect((await taskFailed(45)).deploy).toBeNull();
    const first = await serviceAction(50);
    const early = await taskFailed(51);
    // A no-change redeploy leaves the spec a rollback returns to: the deploy is still the one it undoes.
    await serviceAction(52, { outcome: "no-change", stayed: true });
    expect((await getIncident(db, early.id)).deploy).toMatchObject({ historyId: first, latest: true });
    // Any other change to the spec (a scale here) moves the swarm's previous spec past it.
    await serviceAction(53, { action: "scale", stayed: true });
    expect((await getIncident(db, early.id)).deploy).toMatchObject({ historyId: first, latest: false });
    const second = await serviceAction(55, { action: "rollback" });
    const later = await taskFailed(56);
    expect((await taskFailed(56, "api")).deploy).toBeNull();
    expect(later.deploy).toMatchObject({ historyId: second, action: "rollback", latest: true });
    await serviceAction(57, { outcome: null });
    expect((await getIncident(db, later.id)).deploy).toMatchObject({ historyId: second, latest: false });
  });

  it("never takes a container's deploy for a service's, nor a service's for a container's", async () => {
    await serviceAction(0, { serviceName: "api" });
    await sql`
      INSERT INTO deploy_history (at, actor, source, action, host_id, container_name, image_ref_before, image_ref,
        image_id_before, image_id_after, outcome)
      VALUES (${minute(0)}, 'alice', 'ui', 'redeploy', 'sierra', 'web', 'a:1', 'a:2', 'sha256:1', 'sha256:2',
        'succeeded')`.execute(db);
    expect((await taskFailed(5)).deploy).toBeNull();
    const crash = await openIncident(
      db,
      testIncident({ hostId: "sierra", containerName: "api", openedAt: minute(5), lastAt: minute(5) }),
    );
    expect(crash.deploy).toBeNull();
  });
});
