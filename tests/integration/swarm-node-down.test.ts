// The swarm's worker engine stopped and started again. Its own file, in the SQLite pass only (vitest.config.mts):
// stopping tango holds every other test of both passes off the fleet, and its stored part, a service's incident,
// is stored as every service incident is (swarm, service-incidents and service-deploy-incident run on both).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NodesResponse, ServiceResponse, ServicesResponse } from "@/lib/services/types";
import { api } from "../support/api";
import { acquire } from "../support/engine-locks";
import { uniqueName, waitFor } from "../support/fleet";
import {
  createService,
  ensureFleetUp,
  FOREVER,
  removeTestServices,
  stopWorker,
  SWARM_IMAGE,
  waitForReplicas,
} from "../support/swarm";

beforeAll(() => removeTestServices());
afterAll(async () => {
  await ensureFleetUp();
  await removeTestServices();
});

const service = (name: string) => api<ServiceResponse>(`/api/services/sierra/${name}`);

async function listed(name: string) {
  const { body } = await api<ServicesResponse>("/api/services?host=sierra");
  return body.services.find((row) => row.name === name);
}

describe("the swarm's worker engine", () => {
  it("marks the worker's node down and the service short when its engine stops, and clears both when it is back", async () => {
    const name = uniqueName("it-svc-node");
    await createService(name, ["--replicas", "2", "--replicas-max-per-node", "1"], SWARM_IMAGE, FOREVER);
    await waitForReplicas(name, "2/2");
    const tangoNode = async () =>
      (await api<NodesResponse>("/api/nodes?host=sierra")).body.nodes.find(
        (node) => node.fleetHostId === "tango",
      );

    // Tango stops: the other pass's tests (scripts/test.sh runs two at once) must not be using the fleet.
    const fleet = await acquire("fleet", "exclusive");
    try {
      await stopWorker();
      await waitFor("tango's node to be down", async () => (await tangoNode())?.state === "down", 120_000);
      const short = await waitFor(
        `${name} to be short of replicas with a short incident`,
        async () => {
          const row = await listed(name);
          const incident = (await service(name)).body.incidents.find(
            (item) => item.kind === "short" && item.endedAt === null,
          );
          return row && row.replicas.running < row.replicas.desired && incident ? { row, incident } : false;
        },
        120_000,
      );
      expect(short.row.replicas).toEqual({ desired: 2, running: 1 });
      expect(short.incident.error).toBe("1 of 2 replicas running");
    } finally {
      await ensureFleetUp();
    }
    await waitFor(
      "tango's node to be ready",
      async () => (await tangoNode())?.state === "ready",
      120_000,
    ).finally(() => fleet.release());
    await waitForReplicas(name, "2/2", 180_000);
    await waitFor(
      `${name}'s short incident to end`,
      async () =>
        (await service(name)).body.incidents.every((item) => item.kind !== "short" || item.endedAt !== null),
      60_000,
    );
    expect((await listed(name))?.replicas).toEqual({ desired: 2, running: 2 });
  }, 600_000);
});
