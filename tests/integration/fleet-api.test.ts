import http from "node:http";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import type { ContainerResponse, ContainersResponse, HostsResponse } from "@/lib/fleet/types";
import { api, authHeaders } from "../support/api";
import {
  allInspected,
  docker,
  engines,
  inspect,
  removeTestContainers,
  TEST_LABEL,
  TEST_RUN,
} from "../support/fleet";
import { expectedRow } from "../support/expected-row";
import { createScenario, type Scenario } from "../support/scenario";

let scenarios: Scenario[] = [];

beforeAll(async () => {
  await Promise.all(engines.map(removeTestContainers));
  scenarios = await Promise.all(engines.map((engine) => createScenario(engine, engine === "alpha")));
}, 120_000);

afterAll(async () => {
  await Promise.all(engines.map(removeTestContainers));
  await Promise.all(scenarios.map((s) => docker(s.engine, "volume", "rm", "-f", s.volume).catch(() => "")));
});

describe("GET /api/containers", () => {
  it("lists every container of every engine with the fields docker inspect reports", async () => {
    // Wharf follows the engines through their events: give the last ones a moment to arrive, then compare.
    await vi.waitFor(
      async () => {
        // Other checkouts create and remove containers on these engines at any moment: a container counts
        // when the engine had it both before and after the request; this run's own ones are compared in full.
        const before = await Promise.all(engines.map(containerIds));
        const { status, body } = await api<ContainersResponse>("/api/containers");
        expect(status).toBe(200);
        for (const [index, engine] of engines.entries()) {
          const inspected = await allInspected(engine);
          const rows = body.containers.filter((row) => row.hostId === engine);
          const ids = rows.map((row) => row.id);
          const throughout = inspected.filter((item) => before[index]!.has(item.Id)).map((item) => item.Id);
          expect(ids).toEqual(expect.arrayContaining(throughout));
          const existed = new Set([...before[index]!, ...inspected.map((item) => item.Id)]);
          expect(ids.filter((id) => !existed.has(id))).toEqual([]);

          const own = inspected.filter((i) => i.Config.Labels?.[TEST_LABEL] === TEST_RUN);
          const ownRows = rows.filter((row) => row.labels[TEST_LABEL] === TEST_RUN);
          expect(ownRows.map((row) => row.id).sort()).toEqual(own.map((item) => item.Id).sort());
          for (const item of own) {
            // The verdict and the last exit come from the events as well; the next test checks them.
            const {
              exitCause: _cause,
              lastExit: _last,
              attention: _attention,
              // From the image, not the container: tests/integration/inventory.test.ts checks it.
              provenance: _provenance,
              stale,
              ...fromInspect
            } = rows.find((row) => row.id === item.Id)!;
            expect(fromInspect).toEqual(expectedRow(engine, item));
            expect(stale).toBe(false);
          }
        }
      },
      { timeout: 10_000, interval: 250 },
    );
  });

  it("shows each state as the engine has it: restarting is not running, OOM and health come from inspect", async () => {
    const { body } = await api<ContainersResponse>("/api/containers");
    const row = (host: string, name: string) =>
      body.containers.find((c) => c.hostId === host && c.name === name);
    for (const { engine, names } of scenarios) {
      expect(row(engine, names.healthy)).toMatchObject({
        state: "running",
        health: "healthy",
        attention: null,
        compose: { project: "shop", service: "web" },
      });
      expect(row(engine, names.exitedZero)).toMatchObject({
        state: "exited",
        exitCode: 0,
        oomKilled: false,
        exitCause: "clean",
        attention: null,
      });
      expect(row(engine, names.exitedThree)).toMatchObject({
        state: "exited",
        exitCode: 3,
        oomKilled: false,
        exitCause: "crash",
        attention: "exit",
        lastExit: { code: 3, oom: false, cause: "crash" },
      });
      expect(row(engine, names.created)).toMatchObject({
        state: "created",
        startedAt: null,
        finishedAt: null,
      });
      expect(row(engine, names.paused)).toMatchObject({ state: "paused", attention: null });
      expect(row(engine, names.unhealthy)).toMatchObject({
        state: "running",
        health: "unhealthy",
        attention: "unhealthy",
      });
      expect(row(engine, names.oom)).toMatchObject({
        state: "exited",
        oomKilled: true,
        exitCode: 137,
        exitCause: "oom",
        attention: "oom",
      });
    }
    const loop = scenarios[0]!.names.restarting!;
    expect(row("alpha", loop)?.state).toBe("restarting");
    expect(row("alpha", loop)?.restartCount).toBeGreaterThanOrEqual(7);
    expect(row("alpha", loop)).toMatchObject({ attention: "restart-loop", lastExit: { code: 1 } });
  });

  it("sends a gzip client the same list, compressed once, and a plain client plain JSON", async () => {
    const url = `${inject("wharfUrl")}/api/containers`;
    const get = (encoding: string) =>
      new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        const headers = { ...authHeaders(), "accept-encoding": encoding };
        http
          .get(url, { headers }, (response) => {
            const chunks: Buffer[] = [];
            response.on("data", (chunk: Buffer) => chunks.push(chunk));
            response.on("end", () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
            response.on("error", reject);
          })
          .on("error", reject);
      });
    // The fleet changes under other checkouts' feet: compare two answers taken back to back until they agree.
    await vi.waitFor(async () => {
      const plain = await get("identity");
      const zipped = await get("gzip, deflate, br");
      expect(plain.headers["content-encoding"]).toBeUndefined();
      expect(zipped.headers["content-encoding"]).toBe("gzip");
      // Compressed exactly once: one gunzip gives the JSON itself.
      expect(JSON.parse(gunzipSync(zipped.body).toString("utf8"))).toEqual(
        JSON.parse(plain.body.toString("utf8")),
      );
    }, 20_000);
  });

  it("filters by host, state and text, and names what is wrong in a bad filter", async () => {
    const byHost = await api<ContainersResponse>("/api/containers?host=bravo");
    expect(byHost.body.containers.length).toBeGreaterThan(0);
    expect(new Set(byHost.body.containers.map((c) => c.hostId))).toEqual(new Set(["bravo"]));
    expect(byHost.body.hosts).toEqual([{ id: "bravo", status: "up", error: null }]);

    const exited = await api<ContainersResponse>("/api/containers?state=exited,dead");
    expect(exited.body.containers.every((c) => c.state === "exited" || c.state === "dead")).toBe(true);
    expect(exited.body.containers.map((c) => c.name)).toContain(scenarios[2]!.names.exitedThree);

    const crash = scenarios[1]!.names.exitedThree;
    const byText = await api<ContainersResponse>(`/api/containers?q=${encodeURIComponent(`bravo ${crash}`)}`);
    expect(byText.body.containers.map((c) => `${c.hostId}/${c.name}`)).toEqual([`bravo/${crash}`]);

    const badState = await api<{ error: { code: string; message: string } }>(
      "/api/containers?state=sleeping",
    );
    expect(badState.status).toBe(400);
    expect(badState.body.error.code).toBe("VALIDATION");
    expect(badState.body.error.message).toMatch(/state/);

    const badHost = await api<{ error: { message: string } }>("/api/containers?host=nowhere");
    expect(badHost.status).toBe(404);
    expect(badHost.body.error.message).toContain('"nowhere"');

    const unknownField = await api<{ error: { message: string } }>("/api/containers?colour=red");
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.error.message).toContain("colour");
  });

  it("keeps answering for the reachable hosts when one refuses connections and another never answers", async () => {
    const { status, body } = await api<ContainersResponse>("/api/containers");
    expect(status).toBe(200);
    const hosts = Object.fromEntries(body.hosts.map((h) => [h.id, h]));
    expect(hosts.gone).toMatchObject({ status: "down" });
    expect(hosts.gone?.error).toMatch(/ECONNREFUSED/);
    expect(hosts.stuck).toMatchObject({ status: "down" });
    // Shown down at once as "not answering", then with the timeout once its first request gives up.
    expect(hosts.stuck?.error).toMatch(/not answering|timed out/);
    for (const engine of engines) expect(hosts[engine]).toEqual({ id: engine, status: "up", error: null });
    expect(body.containers.some((c) => c.hostId === "gone" || c.hostId === "stuck")).toBe(false);
  });
});

describe("GET /api/hosts", () => {
  it("reports each engine's versions and counts, and never leaks credentials", async () => {
    for (const engine of engines) {
      const [version, apiVersion] = (
        await docker(engine, "version", "--format", "{{.Server.Version}} {{.Server.APIVersion}}")
      ).split(" ");
      // Counts cover every container of the engine, others' too: one made just before the request may not
      // have reached Wharf through the events yet, so give those a moment rather than assume a quiet engine.
      await vi.waitFor(
        async () => {
          const { host, expected } = await settledCounts(engine);
          expect(host).toMatchObject({ status: "up", engineVersion: version, apiVersion, error: null });
          expect(host.latencyMs).toBeGreaterThan(0);
          const { attention, ...states } = host.counts;
          expect(states).toEqual(expected);
          // "attention" counts the host's rows the API flags: the card and the list never disagree.
          const listed = await api<ContainersResponse>(`/api/containers?host=${engine}`);
          expect(attention).toBe(listed.body.containers.filter((row) => row.attention !== null).length);
        },
        { timeout: 10_000, interval: 250 },
      );
    }
    const { status, body } = await api<HostsResponse>("/api/hosts");
    expect(status).toBe(200);
    expect(body.hosts.find((h) => h.id === "charlie")?.url).toBe("tcp://127.0.0.1:23762");
    expect(JSON.stringify(body)).not.toMatch(/BEGIN|PRIVATE KEY/);
    expect(body.hosts.find((h) => h.id === "gone")).toMatchObject({
      status: "down",
      engineVersion: null,
      counts: { total: 0 },
    });
  });
});

describe("GET /api/containers/{hostId}/{nameOrId}", () => {
  it("returns the configuration of a container, by name or by id", async () => {
    const alpha = scenarios[0]!;
    const [item] = await inspect("alpha", alpha.names.healthy);
    const byName = await api<ContainerResponse>(`/api/containers/alpha/${alpha.names.healthy}`);
    expect(byName.status).toBe(200);
    const detail = byName.body.container;
    expect(detail).toMatchObject(expectedRow("alpha", item!));
    // Values are masked for every role, the admin included; POST …/env/reveal reads one (secrets.test.ts).
    expect(detail.env).toContain("GREETING=••••••");
    expect(detail.command).toEqual(item!.Config.Cmd);
    expect(detail.mounts).toContainEqual(
      expect.objectContaining({ type: "volume", name: alpha.volume, destination: "/data" }),
    );
    expect(detail.restartPolicy).toEqual({ name: "unless-stopped", maximumRetryCount: 0 });
    expect(detail.healthcheck?.test).toEqual(["CMD-SHELL", "true"]);
    expect(detail.networkMode).toBe("none");

    const byId = await api<ContainerResponse>(`/api/containers/alpha/${item!.Id.slice(0, 12)}`);
    expect(byId.body.container.name).toBe(alpha.names.healthy);

    const unhealthy = await api<ContainerResponse>(`/api/containers/bravo/${scenarios[1]!.names.unhealthy}`);
    expect(unhealthy.body.container.healthLog.at(-1)?.output).toContain("db down");
  });

  it("answers 404 naming the missing container or host, and 502 naming a host that is down", async () => {
    const missing = await api<{ error: { code: string; message: string } }>(
      "/api/containers/alpha/no-such-container",
    );
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe('Container "no-such-container" not found on host "alpha"');

    const noHost = await api<{ error: { message: string } }>("/api/containers/atlantis/web");
    expect(noHost.status).toBe(404);
    expect(noHost.body.error.message).toContain('"atlantis"');

    const down = await api<{ error: { code: string; message: string } }>("/api/containers/gone/web");
    expect(down.status).toBe(502);
    expect(down.body.error).toMatchObject({ code: "HOST_UNREACHABLE" });
    expect(down.body.error.message).toContain('"gone"');

    const badName = await api<{ error: { message: string } }>("/api/containers/alpha/bad%20name");
    expect(badName.status).toBe(400);
    expect(badName.body.error.message).toContain("nameOrId");
  });
});

async function containerIds(engine: (typeof engines)[number]): Promise<Set<string>> {
  return new Set((await docker(engine, "ps", "-aq", "--no-trunc")).split("\n").filter(Boolean));
}

/**
 * Counts from `docker inspect` taken before and after the API call; when they agree, nothing changed in
 * between (a restart loop on the engine can flip running/restarting at any moment) and the API must match.
 */
async function settledCounts(engine: (typeof engines)[number]) {
  for (let attempt = 0; ; attempt++) {
    const before = cliCounts(await allInspected(engine));
    const { body } = await api<HostsResponse>("/api/hosts");
    const after = cliCounts(await allInspected(engine));
    if (JSON.stringify(before) === JSON.stringify(after) || attempt === 5) {
      return { host: body.hosts.find((h) => h.id === engine)!, expected: after };
    }
  }
}

function cliCounts(inspected: Awaited<ReturnType<typeof allInspected>>) {
  const count = (state: string) => inspected.filter((i) => i.State.Status === state).length;
  return {
    total: inspected.length,
    running: count("running"),
    paused: count("paused"),
    restarting: count("restarting"),
    exited: count("exited"),
    dead: count("dead"),
    created: count("created"),
    unhealthy: inspected.filter((i) => i.State.Health?.Status === "unhealthy").length,
  };
}
