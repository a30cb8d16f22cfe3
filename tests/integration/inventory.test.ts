import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  ContainerResponse,
  ContainersResponse,
  InventoryResponse,
  InventoryRow,
} from "@/lib/fleet/types";
import { api, authHeaders } from "../support/api";
import {
  allInspected,
  docker,
  engines,
  removeTestContainers,
  runContainer,
  uniqueName,
  waitFor,
  TEST_LABEL,
  TEST_RUN,
} from "../support/fleet";
import { buildOciImage, uniqueRepo, type OciImage } from "../support/oci-images";
import { inject } from "vitest";

const project = uniqueName("itinv").replace(/[^a-z0-9-]/g, "");
const repo = uniqueRepo("it-inventory");
const compose = [
  "--label",
  `com.docker.compose.project=${project}`,
  "--label",
  "com.docker.compose.service=api",
];
let v1: OciImage;
let v2: OciImage;
// A plain container (no compose) of an image without labels: its cell shows the short digest.
const plainRepo = uniqueRepo("it-inventory-plain");
let plainDigest: string;

beforeAll(async () => {
  await Promise.all(engines.map(removeTestContainers));
  const created = new Date().toISOString();
  v1 = await buildOciImage("alpha", repo, "v1", {
    version: "2.0.0",
    revision: "abcdef0123456789abcdef0123456789abcdef01",
    created,
  });
  v2 = await buildOciImage("alpha", repo, "v2", {
    version: "2.1.0",
    revision: "fedcba9876543210fedcba9876543210fedcba98",
    created,
  });
  // alpha and charlie on 2.0.0 (charlie twice), bravo on 2.1.0: drift.
  await runContainer("alpha", `${project}-api-1`, compose, [], v1.ref);
  await runContainer("bravo", `${project}-api-1`, compose, [], v2.ref);
  await runContainer("charlie", `${project}-api-1`, compose, [], v1.ref);
  await runContainer("charlie", `${project}-api-2`, compose, [], v1.ref);
  await docker("alpha", "tag", "localhost/busybox:1", `${plainRepo}:1`);
  await docker("alpha", "push", "-q", `${plainRepo}:1`);
  const [image] = JSON.parse(await docker("alpha", "image", "inspect", `${plainRepo}:1`)) as {
    RepoDigests: string[];
  }[];
  plainDigest = image!.RepoDigests.find((d) => d.startsWith(plainRepo))!.split("@")[1]!;
  await runContainer("bravo", uniqueName("it-inv-plain"), [], ["sleep", "100000"], `${plainRepo}:1`);
}, 180_000);

afterAll(async () => {
  await Promise.all(engines.map(removeTestContainers));
});

/** What `docker inspect` says: per host, image id → containers of this test's project. */
async function inspectedCells(): Promise<Record<string, Record<string, number>>> {
  const cells: Record<string, Record<string, number>> = {};
  for (const engine of engines) {
    for (const item of await allInspected(engine)) {
      const labels = item.Config.Labels ?? {};
      if (labels[TEST_LABEL] !== TEST_RUN || labels["com.docker.compose.project"] !== project) continue;
      const cell = (cells[engine] ??= {});
      cell[item.Image] = (cell[item.Image] ?? 0) + 1;
    }
  }
  return cells;
}

const rowOf = (inventory: InventoryResponse) => inventory.rows.find((r) => r.name === `${project}/api`);
const asCounts = (row: InventoryRow) =>
  Object.fromEntries(
    Object.entries(row.cells).map(([host, versions]) => [
      host,
      Object.fromEntries(versions.map((v) => [v.imageId, v.count])),
    ]),
  );

describe("inventory and provenance", () => {
  it("equals docker inspect on every host, with the drift between two versions flagged", async () => {
    const expected = await inspectedCells();
    expect(Object.keys(expected).sort()).toEqual(["alpha", "bravo", "charlie"]);
    // Versions come from the image labels, read once per image after the rows appear.
    const row = await waitFor("the inventory to show every container with its version", async () => {
      const { body } = await api<InventoryResponse>("/api/inventory");
      const found = rowOf(body);
      const labelled =
        found &&
        Object.values(found.cells)
          .flat()
          .every((v) => v.version !== null);
      const total = found
        ? Object.values(found.cells)
            .flat()
            .reduce((n, v) => n + v.count, 0)
        : 0;
      return labelled && total === 4 && found;
    });
    expect(asCounts(row)).toEqual(expected);
    expect(row.drift).toBe(true);
    expect(row.kind).toBe("service");
    expect(row.repository).toBe(repo);
    expect(row.cells.alpha).toEqual([
      expect.objectContaining({
        label: "2.0.0",
        imageId: v1.id,
        revision: v1.revision,
        digest: v1.digest,
        count: 1,
        running: 1,
      }),
    ]);
    expect(row.cells.bravo).toEqual([expect.objectContaining({ label: "2.1.0", imageId: v2.id, count: 1 })]);
    expect(row.cells.charlie).toEqual([expect.objectContaining({ label: "2.0.0", count: 2, running: 2 })]);

    const plain = (await api<InventoryResponse>("/api/inventory")).body.rows.find(
      (r) => r.name === plainRepo,
    );
    expect(plain).toMatchObject({ kind: "image", drift: false });
    expect(plain!.cells.bravo![0]).toMatchObject({
      label: plainDigest.slice(7, 19),
      version: null,
      count: 1,
    });
  });

  it("exports the inventory as CSV, one line per host and image", async () => {
    const response = await fetch(`${inject("wharfUrl")}/api/inventory.csv`, { headers: authHeaders() });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
    expect((await api("/api/inventory?host=alpha")).status).toBe(400);
    const lines = (await response.text()).split("\r\n").filter((line) => line.includes(`${project}/api`));
    expect(lines.sort()).toEqual(
      [
        `service,${project}/api,${repo},alpha,2.0.0,2.0.0,${v1.revision},${v1.digest},${v1.id},1,1,true`,
        `service,${project}/api,${repo},bravo,2.1.0,2.1.0,${v2.revision},${v2.digest},${v2.id},1,1,true`,
        `service,${project}/api,${repo},charlie,2.0.0,2.0.0,${v1.revision},${v1.digest},${v1.id},2,2,true`,
      ].sort(),
    );
  });

  it("shows version and revision on fleet rows and the container page, as the image's labels say", async () => {
    const { body } = await api<ContainersResponse>(`/api/containers?q=${project}`);
    const bravo = body.containers.find((c) => c.hostId === "bravo" && c.name === `${project}-api-1`);
    expect(bravo!.provenance).toEqual({
      version: "2.1.0",
      revision: v2.revision,
      source: "https://github.com/acme/shop",
      created: v2.created,
      digest: v2.digest,
      commitUrl: `https://github.com/acme/shop/commit/${v2.revision}`,
    });
    const page = await api<ContainerResponse>(`/api/containers/charlie/${project}-api-2`);
    expect(page.body.container.provenance).toMatchObject({ version: "2.0.0", revision: v1.revision });
  });
});
