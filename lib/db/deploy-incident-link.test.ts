import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { insertHistory, type TestHistory } from "@/lib/history/db/test-history";
import { listHistory as listHistoryOn } from "@/lib/history/db/list-history";
import { getIncident as getIncidentOn } from "@/lib/incidents/db/get-incident";
import { listIncidents as listIncidentsOn } from "@/lib/incidents/db/list-incidents";
import { openIncident } from "@/lib/incidents/db/open-incident";
import { testIncident } from "@/lib/incidents/db/test-incident";
import { kyselyOver } from "./database";
import { openDb, type Db } from "./db";

let db: Db;
beforeEach(() => {
  db = openDb(":memory:");
});
afterEach(() => db.close());

const minute = (m: number) => new Date(Date.parse("2025-03-01T10:00:00.000Z") + m * 60_000).toISOString();
const provenance = (version: string, digest: string) => ({
  version,
  revision: null,
  source: null,
  created: null,
  digest,
  commitUrl: null,
});
/** A redeploy at minute `m` that moved api from v1 to v2 (what a rollback would undo). */
const deploy = (m: number, over: TestHistory = {}) =>
  insertHistory(kyselyOver(db), {
    at: minute(m),
    actor: "alice",
    imageRefBefore: "localhost/api:1",
    imageRef: "localhost/api:2",
    imageIdBefore: "sha256:1111",
    imageIdAfter: "sha256:2222",
    digestBefore: "sha256:aaaa",
    digestAfter: "sha256:bbbb",
    provenanceBefore: provenance("1.0.0", "sha256:aaaa"),
    provenanceAfter: provenance("2.0.0", "sha256:bbbb"),
    ...over,
  });
// The incidents' side on SQLite alongside history's (lib/incidents/db/deploy-link.test.ts runs it on both dialects).
const crash = (m: number, containerName = "api") =>
  openIncident(kyselyOver(db), testIncident({ containerName, openedAt: minute(m), lastAt: minute(m) }));
const getIncident = (id: number) => getIncidentOn(kyselyOver(db), id);
const listIncidents = () => listIncidentsOn(kyselyOver(db));

// History's side of the link (lib/history/db/link-deploy-incidents.ts), on the same connection.
const listHistory = (on: Db) => listHistoryOn(kyselyOver(on));

describe("an incident and the deploy before it", () => {
  it("names the deploy of its container in the 30 minutes before it opened: who, when, from → to", async () => {
    const row = await deploy(0);
    const incident = await crash(12);
    const expected = {
      historyId: row.id,
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
    // On open (what the live stream and the alert get), and on every read after.
    expect(incident.deploy).toEqual(expected);
    expect((await getIncident(incident.id)).deploy).toEqual(expected);
    expect((await listIncidents())[0]!.deploy).toEqual(expected);
    expect((await listHistory(db)).entries[0]!.incidentIds).toEqual([incident.id]);
  });

  it("leaves out deploys older than 30 minutes, of other containers, and those that did not hold", async () => {
    await deploy(0);
    await deploy(5, { containerName: "worker" });
    await deploy(10, { outcome: "rolled-back", imageIdAfter: "sha256:1111" });
    await deploy(15, { outcome: "failed" });
    await deploy(20, { imageIdAfter: "sha256:1111" }); // a forced redeploy onto the same image
    const late = await crash(31);
    expect(late.deploy).toBeNull();
    expect((await listHistory(db)).entries.every((entry) => entry.incidentIds.length === 0)).toBe(true);
  });

  it("names the latest of two deploys, and the earlier one says it is no longer what a rollback undoes", async () => {
    const first = await deploy(0);
    const early = await crash(3);
    const second = await deploy(10, { action: "rollback", actor: "bob" });
    const later = await crash(14);
    const other = await crash(15, "worker");
    expect((await getIncident(early.id)).deploy).toMatchObject({ historyId: first.id, latest: false });
    expect((await getIncident(later.id)).deploy).toMatchObject({
      historyId: second.id,
      action: "rollback",
      actor: "bob",
      latest: true,
    });
    expect(other.deploy).toBeNull();
    const links = Object.fromEntries((await listHistory(db)).entries.map((e) => [e.id, e.incidentIds]));
    expect(links).toEqual({ [first.id]: [early.id], [second.id]: [later.id] });
  });

  it("says when the reference before was not recorded rather than inventing one", async () => {
    await deploy(0, { imageRefBefore: undefined, source: "external", actor: "external" });
    expect((await crash(1)).deploy).toMatchObject({ imageRefBefore: null, imageRef: "localhost/api:2" });
  });
});
