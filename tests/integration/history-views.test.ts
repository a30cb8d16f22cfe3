import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { HistoryEntry } from "@/lib/history/types";
import type { ContainersResponse } from "@/lib/fleet/types";
import type { IncidentsResponse } from "@/lib/incidents/types";
import { api, authHeaders } from "../support/api";
import { docker, runContainer, uniqueName, waitFor } from "../support/fleet";
import { buildOciImage, uniqueRepo, type OciImage } from "../support/oci-images";
import { post } from "../support/post";

// Only this file's containers: the engines are shared, and other files clean up theirs at the same time.
const created: string[] = [];
afterAll(async () => {
  if (created.length > 0) await docker("alpha", "rm", "-f", "-v", ...created).catch(() => {});
});

let v1: OciImage;
let v2: OciImage;
beforeAll(async () => {
  const repo = uniqueRepo("hst-it");
  const created = new Date(Date.now() - 3_600_000).toISOString();
  v1 = await buildOciImage("alpha", repo, "v1", { version: "1.0.0", revision: "a".repeat(40), created });
  v2 = await buildOciImage("alpha", repo, "v2", { version: "2.0.0", revision: "b".repeat(40), created });
}, 120_000);

const rowsOf = async (name: string, extra = "") =>
  (await api<{ entries: HistoryEntry[] }>(`/api/history?host=alpha&container=${name}${extra}`)).body.entries;

async function runOnV1(name = uniqueName("hst-it")): Promise<string> {
  if (!created.includes(name)) created.push(name);
  await runContainer("alpha", name, [], [], v1.ref);
  await waitFor(`Wharf to show ${name}`, async () => {
    const { body } = await api<ContainersResponse>(`/api/containers?host=alpha&q=${name}`);
    return body.containers.some((row) => row.name === name && row.state === "running");
  });
  return name;
}

describe("the history of deploys", () => {
  it("records a redeploy onto a new tag from the reference it left to the one it went to", async () => {
    const name = await runOnV1();
    const { status, body } = await post<{ entry: HistoryEntry }>(`/api/containers/alpha/${name}/redeploy`, {
      image: v2.ref,
      graceSeconds: 1,
    });
    expect(status).toBe(200);
    const [row] = await rowsOf(name);
    expect(row).toMatchObject({
      id: body.entry.id,
      action: "redeploy",
      outcome: "succeeded",
      imageRefBefore: v1.ref,
      imageRef: v2.ref,
      digestBefore: v1.digest,
      digestAfter: v2.digest,
      provenanceBefore: expect.objectContaining({ version: "1.0.0" }),
      provenanceAfter: expect.objectContaining({ version: "2.0.0" }),
    });
  });

  it("filters deploys alone and leaves out removes made outside Wharf only when asked", async () => {
    const name = await runOnV1();
    expect((await post(`/api/containers/alpha/${name}/restart`)).status).toBe(200);
    // Removed with the CLI, then run again under its name and redeployed through Wharf.
    await docker("alpha", "rm", "-f", name);
    await waitFor(`the external remove of ${name}`, async () => (await rowsOf(name))[0]?.action === "remove");
    await runOnV1(name);
    expect(
      (await post(`/api/containers/alpha/${name}/redeploy`, { image: v2.ref, graceSeconds: 1 })).status,
    ).toBe(200);

    const actions = async (extra: string) =>
      (await rowsOf(name, extra)).map((r) => `${r.source} ${r.action}`);
    // The API keeps every row unless told: its callers and the CSV see what they always saw.
    expect(await actions("")).toEqual(["api redeploy", "external remove", "api restart"]);
    expect(await actions("&externalRemoves=show")).toEqual([
      "api redeploy",
      "external remove",
      "api restart",
    ]);
    expect(await actions("&externalRemoves=hide")).toEqual(["api redeploy", "api restart"]);
    expect(await actions("&deploys=only")).toEqual(["api redeploy"]);
    const csv = await fetchCsv(`host=alpha&container=${name}&externalRemoves=hide`);
    expect(csv.split("\r\n").filter((line) => line.includes(name))).toHaveLength(2);

    for (const [query, field] of [
      ["deploys=yes", "deploys"],
      ["externalRemoves=maybe", "externalRemoves"],
    ]) {
      const { status, body } = await api<{ error: { code: string; message: string } }>(
        `/api/history?${query}`,
      );
      expect(status).toBe(400);
      expect(body.error.code).toBe("VALIDATION");
      expect(body.error.message).toContain(field);
    }
  });

  it("links an incident that opens after a deploy to it, both ways", async () => {
    const name = await runOnV1();
    const { body } = await post<{ entry: HistoryEntry }>(`/api/containers/alpha/${name}/redeploy`, {
      image: v2.ref,
      graceSeconds: 1,
    });
    await docker("alpha", "exec", name, "touch", "/tmp/crash");
    const incident = await waitFor(`the crash of ${name}`, async () => {
      const list = await api<IncidentsResponse>(`/api/incidents?host=alpha&container=${name}`);
      return list.body.incidents[0];
    });
    expect(incident.deploy).toEqual({
      historyId: body.entry.id,
      at: body.entry.at,
      actor: body.entry.actor,
      source: "api",
      action: "redeploy",
      imageRefBefore: v1.ref,
      imageRef: v2.ref,
      digestBefore: v1.digest,
      digestAfter: v2.digest,
      versionBefore: "1.0.0",
      versionAfter: "2.0.0",
      latest: true,
    });
    expect((await rowsOf(name, "&deploys=only"))[0]?.incidentIds).toEqual([incident.id]);
  });
});

async function fetchCsv(query: string): Promise<string> {
  const response = await fetch(`${inject("wharfUrl")}/api/history.csv?${query}`, { headers: authHeaders() });
  expect(response.status).toBe(200);
  return response.text();
}
