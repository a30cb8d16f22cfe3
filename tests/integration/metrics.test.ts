import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { ContainersResponse, HostsResponse } from "@/lib/fleet/types";
import type { IncidentsResponse } from "@/lib/incidents/types";
import { api, authHeaders } from "../support/api";
import {
  docker,
  engines,
  pause,
  removeTestContainers,
  runContainer,
  uniqueName,
  waitFor,
  TEST_LABEL,
  TEST_RUN,
} from "../support/fleet";
import { post } from "../support/post";
import { provisionedNode } from "../support/node-version";
import { parseExposition, promtoolCheck, valueOf, type PromSample } from "../support/prometheus";
import { rawRequest } from "../support/raw-http";
import { startHttpReceiver, type HttpReceiver } from "../support/receivers";
import { openEvents } from "../support/sse";
import { startWharf } from "../support/wharf-server";

const forever = ["sh", "-c", "trap 'exit 0' TERM; while :; do sleep 1; done"];

beforeAll(() => Promise.all(engines.map(removeTestContainers)));
afterAll(() => Promise.all(engines.map(removeTestContainers)));

async function scrape(token = inject("wharfToken")): Promise<{ text: string; samples: PromSample[] }> {
  const response = await fetch(`${inject("wharfUrl")}/metrics`, { headers: authHeaders(token) });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
  const text = await response.text();
  return { text, samples: parseExposition(text) };
}

/** What the API says, counted the way /metrics counts: containers of hosts that are up, open incidents. */
async function apiCounts() {
  const [containers, incidents] = await Promise.all([
    api<ContainersResponse>("/api/containers"),
    api<IncidentsResponse>("/api/incidents?open=1&limit=1000"),
  ]);
  const byState: Record<string, number> = {};
  const byAttention: Record<string, number> = {};
  for (const row of containers.body.containers) {
    if (row.stale) continue;
    byState[`${row.hostId}/${row.state}`] = (byState[`${row.hostId}/${row.state}`] ?? 0) + 1;
    if (row.attention)
      byAttention[`${row.hostId}/${row.attention}`] =
        (byAttention[`${row.hostId}/${row.attention}`] ?? 0) + 1;
  }
  const byKind: Record<string, number> = {};
  for (const incident of incidents.body.incidents)
    byKind[`${incident.hostId}/${incident.kind}`] = (byKind[`${incident.hostId}/${incident.kind}`] ?? 0) + 1;
  return { byState, byAttention, byKind };
}

/** Counts as text with their keys in order, to compare two readings. */
function canonical(counts: Record<string, Record<string, number>>): string {
  return JSON.stringify(
    Object.entries(counts).map(([group, values]) => [
      group,
      Object.entries(values).sort(([a], [b]) => a.localeCompare(b)),
    ]),
  );
}

function metricCounts(samples: PromSample[]) {
  const collect = (name: string, label: string) => {
    const counts: Record<string, number> = {};
    for (const sample of samples)
      if (sample.name === name && sample.value > 0)
        counts[`${sample.labels.host}/${sample.labels[label]}`] = sample.value;
    return counts;
  };
  return {
    byState: collect("wharf_containers", "state"),
    byAttention: collect("wharf_containers_attention", "reason"),
    byKind: collect("wharf_incidents_open", "kind"),
  };
}

describe("GET /metrics", () => {
  it("is a valid exposition for promtool, and counts what the API lists, containers and incidents alike", async () => {
    const running = uniqueName("it-metrics-run");
    const crashed = uniqueName("it-metrics-crash");
    const paused = uniqueName("it-metrics-pause");
    const created = uniqueName("it-metrics-new");
    await runContainer("alpha", running, [], forever);
    await runContainer("alpha", crashed, [], ["sh", "-c", "echo boom >&2; exit 3"]);
    await runContainer("bravo", paused, [], forever);
    await pause("bravo", paused);
    await docker(
      "charlie",
      "create",
      "--name",
      created,
      "--network",
      "none",
      "--label",
      `${TEST_LABEL}=${TEST_RUN}`,
      "localhost/busybox:1",
      "true",
    );
    // Wharf has seen all four, and the crash's incident is open.
    await waitFor("the four containers and the crash's incident", async () => {
      const { body } = await api<ContainersResponse>("/api/containers?q=it-metrics");
      const state = (name: string) => body.containers.find((c) => c.name === name)?.state;
      const incidents = await api<IncidentsResponse>(`/api/incidents?open=1&host=alpha&container=${crashed}`);
      return (
        state(running) === "running" &&
        state(crashed) === "exited" &&
        state(paused) === "paused" &&
        state(created) === "created" &&
        incidents.body.incidents.length === 1
      );
    });

    const { text, samples } = await scrape();
    expect(await promtoolCheck(text)).toEqual({ code: 0, output: "" });

    // The API and /metrics read the same live store and database; other checkouts may change the shared engines
    // meanwhile, so the figures are compared over a window in which the API's own answer did not move.
    let last: { api?: unknown; metrics?: unknown } = {};
    const matched = await waitFor(
      "/metrics to match the API's counts",
      async () => {
        const before = await apiCounts();
        const metrics = metricCounts((await scrape()).samples);
        const after = await apiCounts();
        if (canonical(before) !== canonical(after)) return false;
        last = { api: before, metrics };
        return canonical(metrics) === canonical(before);
      },
      60_000,
    ).catch(() => false);
    if (!matched) {
      expect(last.api, "the API's counts held still for a moment").toBeDefined();
      expect(last.metrics).toEqual(last.api);
    }
    // Our own containers are among them.
    const final = metricCounts((await scrape()).samples);
    expect(final.byState["alpha/running"]).toBeGreaterThanOrEqual(1);
    expect(final.byState["alpha/exited"]).toBeGreaterThanOrEqual(1);
    expect(final.byState["bravo/paused"]).toBeGreaterThanOrEqual(1);
    expect(final.byState["charlie/created"]).toBeGreaterThanOrEqual(1);
    expect(final.byAttention["alpha/exit"]).toBeGreaterThanOrEqual(1);
    expect(final.byKind["alpha/exit"]).toBeGreaterThanOrEqual(1);

    // Hosts: up and latency as /api/hosts has them; the suite's "gone" and "stuck" hosts are down.
    const { body: hosts } = await api<HostsResponse>("/api/hosts");
    for (const host of hosts.hosts) {
      expect(valueOf(samples, "wharf_host_up", { host: host.id })).toBe(host.status === "up" ? 1 : 0);
      const latency = valueOf(samples, "wharf_host_engine_latency_seconds", { host: host.id });
      if (host.status === "up") expect(latency).toBeGreaterThan(0);
      else expect(latency).toBeUndefined();
    }
    expect(valueOf(samples, "wharf_host_up", { host: "gone" })).toBe(0);
    // Every event Wharf applied for alpha (our containers made some) is counted, with the lag of the last one.
    expect(valueOf(samples, "wharf_host_events_total", { host: "alpha" })).toBeGreaterThan(0);
    expect(valueOf(samples, "wharf_host_event_lag_seconds", { host: "alpha" })).toBeGreaterThanOrEqual(0);
    expect(valueOf(samples, "wharf_host_events_total", { host: "gone" })).toBe(0);
  }, 180_000);

  it("names the Node Wharf runs on, as prom-client's nodejs_version_info does: the one npm ci provides", async () => {
    const { text, samples } = await scrape();
    expect(text).toContain("# TYPE nodejs_version_info gauge");
    const [major, minor, patch] = provisionedNode.split(".");
    expect(samples.filter((sample) => sample.name === "nodejs_version_info")).toEqual([
      {
        name: "nodejs_version_info",
        labels: { version: `v${provisionedNode}`, major, minor, patch },
        value: 1,
      },
    ]);
    expect(Number(major)).toBeGreaterThanOrEqual(24);
  });

  it("counts each action by kind and outcome in a duration histogram", async () => {
    const name = uniqueName("it-metrics-act");
    await runContainer("alpha", name, [], forever);
    await waitFor("the container in Wharf", async () => {
      const { body } = await api<ContainersResponse>(`/api/containers?host=alpha&q=${name}`);
      return body.containers.some((c) => c.name === name && c.state === "running");
    });
    const labels = { action: "restart", outcome: "succeeded" };
    const before = (await scrape()).samples;
    const countBefore = valueOf(before, "wharf_action_duration_seconds_count", labels) ?? 0;
    const sumBefore = valueOf(before, "wharf_action_duration_seconds_sum", labels) ?? 0;

    const restarted = await post<{ outcome: string; entry: { durationMs: number } }>(
      `/api/containers/alpha/${name}/restart`,
    );
    expect(restarted.status).toBe(200);
    const stopped = await post<{ outcome: string }>(`/api/containers/alpha/${name}/stop`);
    expect(stopped.body.outcome).toBe("succeeded");
    const again = await post<{ outcome: string }>(`/api/containers/alpha/${name}/stop`);
    expect(again.body.outcome).toBe("no-change");

    const { text, samples } = await scrape();
    expect(await promtoolCheck(text)).toEqual({ code: 0, output: "" });
    expect(valueOf(samples, "wharf_action_duration_seconds_count", labels)).toBe(countBefore + 1);
    expect(valueOf(samples, "wharf_action_duration_seconds_sum", labels)).toBeCloseTo(
      sumBefore + restarted.body.entry.durationMs / 1000,
      3,
    );
    expect(valueOf(samples, "wharf_action_duration_seconds_bucket", { ...labels, le: "+Inf" })).toBe(
      countBefore + 1,
    );
    expect(
      valueOf(samples, "wharf_action_duration_seconds_count", { action: "stop", outcome: "no-change" }),
    ).toBeGreaterThanOrEqual(1);
    expect(valueOf(samples, "wharf_actions_running", { action: "restart" })).toBe(0);
  });

  it("counts the event streams open now", async () => {
    const open = async () =>
      valueOf((await scrape()).samples, "wharf_sse_streams_open", { stream: "events" });
    const before = (await open())!;
    const stream = await openEvents();
    try {
      await stream.next((message) => message.event === "snapshot", "the snapshot");
      expect(await open()).toBe(before + 1);
    } finally {
      await stream.close();
    }
    await waitFor("the closed stream to be uncounted", async () => (await open()) === before);
  });

  describe("alert deliveries", () => {
    let receiver: HttpReceiver;
    beforeAll(async () => (receiver = await startHttpReceiver()));
    afterAll(() => receiver.close());

    it("are counted by channel kind and outcome", async () => {
      const count = async (outcome: string) =>
        valueOf((await scrape()).samples, "wharf_alert_deliveries_total", { kind: "webhook", outcome }) ?? 0;
      const delivered = await count("delivered");
      const failed = await count("failed");
      const channel = async (url: string) => {
        const created = await post<{ channel: { id: number } }>("/api/alerts/channels", {
          name: uniqueName("it-metrics-hook"),
          kind: "webhook",
          rules: { events: ["incident.opened"], containerGlob: "it-metrics-none-*" },
          settings: { url, secret: "a-secret-of-sixteen-chars" },
        });
        expect(created.status).toBe(200);
        return created.body.channel.id;
      };
      const good = await channel(receiver.url);
      const bad = await channel("http://127.0.0.1:9/nobody-listens");
      expect((await post(`/api/alerts/channels/${good}/test`)).status).toBe(200);
      expect((await post(`/api/alerts/channels/${bad}/test`)).status).toBe(502);
      expect(await count("delivered")).toBe(delivered + 1);
      expect(await count("failed")).toBe(failed + 1);
      for (const id of [good, bad])
        await fetch(`${inject("wharfUrl")}/api/alerts/channels/${id}`, {
          method: "DELETE",
          headers: authHeaders(),
        });
    });
  });

  describe("access", () => {
    it("needs a viewer: 401 without credentials, 200 with a viewer token, 421 for a foreign Host", async () => {
      const anonymous = await fetch(`${inject("wharfUrl")}/metrics`);
      expect(anonymous.status).toBe(401);
      expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe("UNAUTHORIZED");
      const created = await post<{ token: string }>("/api/tokens", {
        name: uniqueName("prometheus"),
        role: "viewer",
      });
      const { samples } = await scrape(created.body.token);
      expect(valueOf(samples, "wharf_host_up", { host: "alpha" })).toBe(1);
      const foreign = await rawRequest(`${inject("wharfUrl")}/metrics`, {
        headers: { host: "metrics.evil.example" },
      });
      expect(foreign.status).toBe(421);
    });

    it("is open without a token when WHARF_METRICS_PUBLIC=1, and the API is not", async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), "wharf-metrics-"));
      const server = await startWharf({
        port: 3191,
        fleetConfig: inject("testFleetFile"),
        dataDir: path.join(dir, "data"),
        env: { WHARF_METRICS_PUBLIC: "1", WHARF_AUTOHEAL: "off" },
      });
      try {
        const open = await fetch(`${server.url}/metrics`);
        expect(open.status).toBe(200);
        const text = await open.text();
        expect(valueOf(parseExposition(text), "wharf_host_up", { host: "alpha" })).toBe(1);
        expect(await promtoolCheck(text)).toEqual({ code: 0, output: "" });
        expect((await fetch(`${server.url}/api/containers`)).status).toBe(401);
      } finally {
        await server.stop();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
