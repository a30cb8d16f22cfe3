import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { ChannelInfo } from "@/lib/alerts/types";
import type { IncidentsResponse } from "@/lib/incidents/types";
import type { Incident } from "@/lib/fleet/incident-types";
import { api, authHeaders } from "../support/api";
import { docker, uniqueName, waitFor } from "../support/fleet";
import { post } from "../support/post";
import { startHttpReceiver, type HttpReceiver } from "../support/receivers";
import { createService, removeTestServices, SWARM_IMAGE } from "../support/swarm";

// Swarm rollouts and restarts on a loaded two-core machine: wait generously, never time.
const LONG = 240_000;
let hook: HttpReceiver;

beforeAll(async () => {
  await removeTestServices();
  hook = await startHttpReceiver();
});
afterAll(async () => {
  await removeTestServices();
  await hook?.close();
});

async function serviceIncidents(name: string): Promise<Incident[]> {
  const { body } = await api<IncidentsResponse>(`/api/incidents?host=sierra&container=${name}`);
  return body.incidents;
}

async function openMetric(host: string, kind: string): Promise<number> {
  const response = await fetch(`${inject("wharfUrl")}/metrics`, { headers: authHeaders() });
  const line = (await response.text())
    .split("\n")
    .find((l) => l.startsWith(`wharf_incidents_open{host="${host}",kind="${kind}"}`));
  return line === undefined ? Number.NaN : Number(line.split(" ").at(-1));
}

describe("a swarm service's incidents are the fleet's incidents", () => {
  it(
    "a failing service opens an incident in GET /api/incidents and /metrics, alerts a webhook, and ends as removed",
    async () => {
      const name = uniqueName("it-inc-svc");
      const created = await post<{ channel: ChannelInfo }>("/api/alerts/channels", {
        name,
        kind: "webhook",
        rules: { events: ["incident.opened", "incident.ended"], containerGlob: name },
        settings: { url: hook.url, secret: "inc-service-secret" },
      });
      expect(created.status, JSON.stringify(created.body)).toBe(200);
      await createService(
        name,
        ["--replicas", "1", "--restart-delay", "1s", "--restart-condition", "any"],
        SWARM_IMAGE,
        ["sh", "-c", "echo 'cannot open queue' >&2; exit 7"],
      );

      const [incident] = await waitFor(
        `a task-failed incident for ${name} in GET /api/incidents`,
        async () => {
          const list = await serviceIncidents(name);
          return list.length > 0 && list;
        },
        120_000,
      );
      expect(incident).toMatchObject({
        target: "service",
        hostId: "sierra",
        containerName: name,
        kind: "task-failed",
        exitCode: 7,
        endedAt: null,
      });
      expect(incident!.error).toMatch(/non-zero exit \(7\)/);
      // The incidents page's own query (open ones, every host) has it too, and the service filter finds it.
      const open = await api<IncidentsResponse>("/api/incidents?open=1&target=service");
      expect(open.body.incidents.map((i) => i.id)).toContain(incident!.id);
      const containers = await api<IncidentsResponse>(`/api/incidents?target=container&container=${name}`);
      expect(containers.body.incidents).toEqual([]);

      expect(await openMetric("sierra", "task-failed")).toBeGreaterThanOrEqual(1);

      const opened = await waitFor("the service incident's webhook", async () =>
        hook.received.find((r) => r.json.event === "incident.opened"),
      );
      expect(opened.json).toMatchObject({
        event: "incident.opened",
        host: { id: "sierra" },
        container: null,
        service: { name },
        incident: { id: incident!.id, target: "service", kind: "task-failed" },
      });
      expect(opened.json.title).toContain(`service ${name} on`);

      await docker("sierra", "service", "rm", name);
      const ended = await waitFor(
        `${name}'s incident to end`,
        async () => (await serviceIncidents(name)).find((i) => i.id === incident!.id && i.endedAt !== null),
        60_000,
      );
      expect(ended.endReason).toBe("removed");
      await waitFor("the ended webhook", async () =>
        hook.received.find((r) => r.json.event === "incident.ended"),
      );
    },
    LONG,
  );
});
