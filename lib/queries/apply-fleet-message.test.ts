import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { emptyCounts } from "@/lib/fleet/count-states";
import type { Incident } from "@/lib/fleet/incident-types";
import type { FleetMessage } from "@/lib/fleet/live/messages";
import { testRow } from "@/lib/fleet/test-row";
import type { ContainersResponse, HostSummary, HostsResponse } from "@/lib/fleet/types";
import type { IncidentsResponse } from "@/lib/incidents/types";
import { applyMessages, applySnapshot } from "./apply-fleet-message";
import { fleetKeys, incidentKeys } from "./keys";

function hostSummary(id: string, status: "up" | "down" = "up"): HostSummary {
  const up = status === "up";
  return {
    ...{
      id,
      name: id,
      url: `tcp://${id}:2376`,
      status,
      engineVersion: up ? "27.3.1" : null,
      apiVersion: up ? "1.47" : null,
    },
    ...{ latencyMs: up ? 3 : null, error: up ? null : "connect ECONNREFUSED", counts: emptyCounts() },
  };
}

const row = testRow;

function incident(id: number, openedAt: string, endedAt: string | null = null): Incident {
  return {
    ...{
      id,
      hostId: "alpha",
      containerName: `app-${id}`,
      containerId: `c${id}`,
      image: "nginx:1.27",
      kind: "exit",
    },
    ...{ exitCode: 3, openedAt, lastAt: openedAt, endedAt, count: 1, logTail: ["boom"], healthOutput: null },
    ...{
      acknowledgedBy: null,
      acknowledgedAt: null,
      lastStderr: "boom",
      oom: false,
      notes: [],
      logReadAt: null,
      deploy: null,
    },
    ...{ target: "container", endReason: null, taskId: null, nodeId: null, error: null },
  };
}

/** A client holding a snapshot of hosts alpha (up) and beta (up unless told), one row each, one open incident. */
function seeded(betaStatus: "up" | "down" = "up") {
  const client = new QueryClient();
  applySnapshot(client, {
    hosts: [hostSummary("alpha"), hostSummary("beta", betaStatus)],
    containers: [row("alpha", "a1"), row("beta", "b1")],
    incidents: [incident(1, "2024-05-02T09:10:00Z")],
  });
  const hosts = () => client.getQueryData<HostsResponse>(fleetKeys.hosts());
  const containers = () => client.getQueryData<ContainersResponse>(fleetKeys.containers());
  const openIds = () =>
    client.getQueryData<IncidentsResponse>(incidentKeys.list({ open: true }))?.incidents.map((i) => i.id);
  return { client, hosts, containers, openIds };
}

describe("applySnapshot", () => {
  it("fills hosts, containers (stale on down hosts) and the open incidents", () => {
    const { hosts, containers, openIds } = seeded("down");
    expect(hosts()?.hosts.map((h) => [h.id, h.status])).toEqual([
      ["alpha", "up"],
      ["beta", "down"],
    ]);
    expect(containers()?.containers).toEqual([
      { ...row("alpha", "a1"), stale: false },
      { ...row("beta", "b1"), stale: true },
    ]);
    expect(containers()?.hosts).toEqual([
      { id: "alpha", status: "up", error: null },
      { id: "beta", status: "down", error: "connect ECONNREFUSED" },
    ]);
    expect(openIds()).toEqual([1]);
  });

  it("marks other incident lists for a refetch but not the open list it just filled", () => {
    const client = new QueryClient();
    const endedKey = incidentKeys.list({ open: false, hostId: "alpha" });
    client.setQueryData<IncidentsResponse>(endedKey, { incidents: [] });
    applySnapshot(client, { hosts: [], containers: [], incidents: [] });
    expect(client.getQueryState(endedKey)?.isInvalidated).toBe(true);
    expect(client.getQueryState(incidentKeys.list({ open: true }))?.isInvalidated).toBe(false);
  });
});

describe("applyMessages", () => {
  it("upserts and removes container rows", () => {
    const { client, containers } = seeded();
    applyMessages(client, [
      {
        type: "container",
        hostId: "alpha",
        id: "a1",
        row: row("alpha", "a1", { state: "exited", exitCode: 3 }),
      },
      { type: "container", hostId: "alpha", id: "a2", row: row("alpha", "a2") },
      { type: "container", hostId: "beta", id: "b1", row: null },
    ]);
    expect(containers()?.containers).toEqual([
      { ...row("alpha", "a1", { state: "exited", exitCode: 3 }), stale: false },
      { ...row("alpha", "a2"), stale: false },
    ]);
  });

  it("keeps the host cards' counts equal to the rows, without a host message", () => {
    const { client, hosts } = seeded();
    applyMessages(client, [
      {
        type: "container",
        hostId: "alpha",
        id: "a1",
        row: row("alpha", "a1", { state: "exited", exitCode: 137, attention: "exit" }),
      },
      { type: "container", hostId: "alpha", id: "a2", row: row("alpha", "a2") },
      { type: "container", hostId: "beta", id: "b1", row: null },
    ]);
    const counts = (id: string) => hosts()?.hosts.find((h) => h.id === id)?.counts;
    expect(counts("alpha")).toMatchObject({ total: 2, running: 1, exited: 1, attention: 1 });
    expect(counts("beta")).toMatchObject({ total: 0, running: 0, attention: 0 });
  });

  it("applies a batch in order: a row put then removed ends removed", () => {
    const { client, containers } = seeded();
    applyMessages(client, [
      { type: "container", hostId: "alpha", id: "a2", row: row("alpha", "a2") },
      { type: "container", hostId: "alpha", id: "a2", row: null },
      { type: "container", hostId: "alpha", id: "a1", row: null },
      { type: "container", hostId: "alpha", id: "a1", row: row("alpha", "a1", { restartCount: 2 }) },
    ]);
    const rows = containers()?.containers.map((r) => [r.id, r.restartCount]);
    expect(rows?.sort()).toEqual([
      ["a1", 2],
      ["b1", 0],
    ]);
  });

  it("marks a host that went down and its rows stale, and clears them when it comes back", () => {
    const { client, hosts, containers } = seeded();
    applyMessages(client, [{ type: "host", host: hostSummary("beta", "down") }]);
    expect(hosts()?.hosts.find((h) => h.id === "beta")?.status).toBe("down");
    expect(containers()?.hosts).toContainEqual({ id: "beta", status: "down", error: "connect ECONNREFUSED" });
    expect(containers()?.containers.map((r) => [r.id, r.stale])).toEqual([
      ["a1", false],
      ["b1", true],
    ]);

    applyMessages(client, [{ type: "host", host: hostSummary("beta") }]);
    expect(containers()?.hosts).toContainEqual({ id: "beta", status: "up", error: null });
    expect(containers()?.containers.map((r) => [r.id, r.stale])).toEqual([
      ["a1", false],
      ["b1", false],
    ]);
  });

  it("keeps a row from a down host stale even when its update arrives in the same batch", () => {
    const { client, containers } = seeded();
    applyMessages(client, [
      { type: "host", host: hostSummary("beta", "down") },
      { type: "container", hostId: "beta", id: "b1", row: row("beta", "b1", { state: "exited" }) },
    ]);
    expect(containers()?.containers.find((r) => r.id === "b1")).toMatchObject({
      state: "exited",
      stale: true,
    });
  });

  it("adds open incidents newest first and drops ended ones from the open list", () => {
    const { client, openIds } = seeded();
    const messages: FleetMessage[] = [
      { type: "incident", incident: incident(2, "2024-05-02T09:20:00Z") },
      { type: "incident", incident: incident(3, "2024-05-02T09:05:00Z") },
    ];
    applyMessages(client, messages);
    expect(openIds()).toEqual([2, 1, 3]);
    applyMessages(client, [
      { type: "incident", incident: incident(1, "2024-05-02T09:10:00Z", "2024-05-02T09:30:00Z") },
    ]);
    expect(openIds()).toEqual([2, 3]);
  });
});
