// Several Wharf replicas on one PostgreSQL database behind HAProxy (issue 25): one set of three replicas serves
// every test of this file, in order (the last ones kill replicas).
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { HistoryEntry } from "@/lib/history/types";
import type { Incident } from "@/lib/fleet/incident-types";
import type { ActionProgress } from "@/lib/fleet/live/messages";
import { openDedicatedConnection, type DedicatedConnection } from "@/lib/db/dedicated-connection";
import { postgresServers } from "../support/dialects";
import {
  docker,
  readFleetFile,
  removeTestContainers,
  TEST_LABEL,
  TEST_RUN,
  runContainer,
  uniqueName,
  waitFor,
} from "../support/fleet";
import { buildAndPush, REGISTRY } from "../support/images";
import { startHttpReceiver, type HttpReceiver } from "../support/receivers";
import { isAlive, startReplicas, type Replica, type ReplicaSet } from "../support/replicas";
import { openEvents, type SseMessage } from "../support/sse";
import { passFolder } from "../support/pass";

// The failover the issue promises: a killed recorder's lease is someone else's within this.
const FAILOVER_MS = 5_000;
// The recorder's lease (lib/cluster/recorder-lease.ts): a test holds it to keep the gap open as long as it needs.
const LEASE_KEY = "33610289968996210";
const crash = ["sh", "-c", "echo boom >&2; exit 3"];
const STANDALONE = ["alpha", "bravo", "charlie"] as const;
const SERVICE = ["sh", "-c", "trap 'exit 0' TERM; while :; do sleep 1; done"];
const dir = path.join(passFolder, "integration", uniqueName("hb-replicas"));
const fleetFile = path.join(dir, "hosts.json");

const incidentOf = (name: string) => (message: SseMessage) =>
  message.event === "incident" && (message.data as { incident: Incident }).incident.containerName === name;

async function incidentsOf(replica: Replica, name: string): Promise<Incident[]> {
  const filter = name ? `&container=${name}` : "";
  const answer = await replica.fetch(`/api/incidents?host=alpha&limit=1000${filter}`);
  expect(answer.status).toBe(200);
  return ((await answer.json()) as { incidents: Incident[] }).incidents;
}

async function historyOf(replica: Replica, name: string, host = "alpha"): Promise<HistoryEntry[]> {
  const answer = await replica.fetch(`/api/history?host=${host}&container=${name}`);
  expect(answer.status).toBe(200);
  return ((await answer.json()) as { entries: HistoryEntry[] }).entries;
}

/** Figures for the report (docs/replicas.md), printed, never asserted. */
const figure = (what: string, ms: number) => console.log(`[figure] ${what}: ${Math.round(ms)} ms`);

describe.each(postgresServers)("three replicas on one PostgreSQL behind HAProxy (%s)", () => {
  let set: ReplicaSet;
  let admin: DedicatedConnection;
  let hook: HttpReceiver;

  beforeAll(async () => {
    await Promise.all(STANDALONE.map(removeTestContainers));
    mkdirSync(dir, { recursive: true });
    // The three standalone engines the burst crashes containers on; the swarm's two are left out, fewer watchers
    // keep three replicas light.
    writeFileSync(
      fleetFile,
      JSON.stringify({
        hosts: readFleetFile().hosts.filter((h) => (STANDALONE as readonly string[]).includes(h.id)),
      }),
    );
    hook = await startHttpReceiver();
    set = await startReplicas({
      count: 3,
      basePort: 3232,
      fleetConfig: fleetFile,
      // The burst below sends one channel 100 alerts, more than the default limit lets through in 10 minutes.
      env: { WHARF_ALERT_ALLOW_HOSTS: "127.0.0.1", WHARF_ALERT_RATE_LIMIT: "300/600" },
    });
    // On the server's maintenance database: a test below closes the replicas' own database.
    const maintenance = new URL(set.databaseUrl);
    maintenance.pathname = "/postgres";
    admin = await openDedicatedConnection(maintenance.toString(), "test");
  }, 300_000);
  afterAll(async () => {
    await admin?.close();
    await set?.stop();
    await hook?.close();
    await Promise.all(STANDALONE.map(removeTestContainers));
    rmSync(dir, { recursive: true, force: true });
  });

  const alive = () => set.replicas.filter(isAlive);
  const follower = async () => {
    const recorders = await set.recorders();
    return alive().find((replica) => !recorders.includes(replica))!;
  };

  it("exactly one replica is the recorder; the others follow, and HAProxy serves from every one", async () => {
    await vi.waitFor(async () => expect(await set.recorders()).toHaveLength(1), { timeout: FAILOVER_MS });
    const roles = await Promise.all(set.replicas.map(set.health));
    expect(roles.map((health) => health?.role).sort()).toEqual(["follower", "follower", "recorder"]);
    expect(roles.map((health) => health?.replica)).toEqual(set.replicas.map((replica) => replica.name));
    const served = new Set<string>();
    for (let i = 0; i < 6; i++) {
      const answer = await fetch(`${set.url}/api/health`);
      expect(answer.status).toBe(200);
      served.add(((await answer.json()) as { replica: string }).replica);
    }
    expect([...served].sort()).toEqual(set.replicas.map((replica) => replica.name).sort());
  });

  it("20 concurrent restarts of one container sent to three replicas: one runs, 19 get 409", async () => {
    const name = uniqueName("hb-lock");
    await runContainer("alpha", name, [], SERVICE);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        set.replicas[i % 3]!.fetch(`/api/containers/alpha/${name}/restart`, { method: "POST" }),
      ),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(19);
    const refused = await answers[statuses.indexOf(409)]!.json();
    expect(refused).toMatchObject({ error: { code: "CONFLICT" } });
    await docker("alpha", "rm", "-f", name);
  });

  it("an incident opened by the recorder, and an acknowledgement made through a follower, show on another replica's stream", async () => {
    const [recorder] = await set.recorders();
    const others = alive().filter((replica) => replica !== recorder);
    const [a, b] = others as [Replica, Replica];
    const streams = await Promise.all(
      [recorder!, a, b].map((replica) => openEvents({ url: replica.url, token: replica.token })),
    );
    const [onRecorder, onA, onB] = streams;
    try {
      const name = uniqueName("hb-relay");
      await runContainer("alpha", name, [], crash);
      const arrival = async (stream: typeof onB, on: string) => {
        const message = await stream!.next<{ incident: Incident }>(incidentOf(name), `the incident on ${on}`);
        return { message, at: Date.now() };
      };
      // The recorder's own stream has it as it is recorded: the difference is the relay (NOTIFY, re-read, publish).
      const [here, there] = await Promise.all([arrival(onRecorder, "the recorder"), arrival(onB, "B")]);
      figure("incident on the recorder's stream → on B's", there.at - here.at);
      const opened = there.message;
      expect(opened.data.incident).toMatchObject({ kind: "exit", exitCode: 3, acknowledgedAt: null });

      const acked = await a.fetch(`/api/incidents/${opened.data.incident.id}/ack`, { method: "POST" });
      expect(acked.status).toBe(200);
      const answered = Date.now();
      const onBAck = await onB!.next<{ incident: Incident }>(
        (message) =>
          incidentOf(name)(message) && !!(message.data as { incident: Incident }).incident.acknowledgedAt,
        "the acknowledgement on B",
      );
      figure("acknowledgement through A → B's stream", Date.now() - answered);
      expect(onBAck.data.incident).toMatchObject({
        id: opened.data.incident.id,
        acknowledgedBy: expect.any(String),
      });
      // A's own page heard it from A itself, the recorder's from the bus.
      await onA!.next(
        (message) =>
          incidentOf(name)(message) && !!(message.data as { incident: Incident }).incident.acknowledgedAt,
        "the acknowledgement on A",
      );
      await onRecorder!.next(
        (message) =>
          incidentOf(name)(message) && !!(message.data as { incident: Incident }).incident.acknowledgedAt,
        "the acknowledgement on the recorder",
      );
      await docker("alpha", "rm", "-f", name);
    } finally {
      await Promise.all(streams.map((stream) => stream.close()));
    }
  });

  it("a redeploy made through replica A shows its steps, as they are taken, on a page connected to replica B", async () => {
    const repository = `${REGISTRY}/${uniqueName("h3-relay").toLowerCase()}`;
    const ref = `${repository}:1`;
    await buildAndPush("alpha", ref, { version: "one" });
    const name = uniqueName("h3-relay-deploy");
    await runContainer("alpha", name, [], SERVICE, ref);
    const [a, b] = alive() as [Replica, Replica];
    const onB = await openEvents({ url: b.url, token: b.token });
    try {
      const redeployed = await a.fetch(`/api/containers/alpha/${name}/redeploy`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ force: true, graceSeconds: 1 }),
      });
      expect(redeployed.status).toBe(200);
      expect(await redeployed.json()).toMatchObject({ outcome: "succeeded" });
      const ours = (message: SseMessage) =>
        message.event === "action" &&
        (message.data as { progress: ActionProgress }).progress.containerName === name;
      await onB.next(
        (message) => ours(message) && (message.data as { progress: ActionProgress }).progress.done,
        "the redeploy's end on B",
      );
      const seen = onB.received
        .filter(ours)
        .map((message) => (message.data as { progress: ActionProgress }).progress);
      // The checklist as B's page draws it: the plan, then each step as it begins, then the outcome.
      const running = seen.filter((progress) => !progress.done);
      expect(running.length).toBeGreaterThan(0);
      expect(running[0]).toMatchObject({ action: "redeploy", hostId: "alpha" });
      expect(running.at(-1)!.steps!.map((step) => step.id)).toEqual(
        expect.arrayContaining(["pull", "create", "stop-old", "start-new", "check"]),
      );
      expect(seen.at(-1)).toMatchObject({ done: true, outcome: "succeeded" });
    } finally {
      await onB.close();
      await docker("alpha", "rm", "-f", name);
      // The image and the tag the redeploy kept of the one it replaced: this test's own repository, every tag.
      const tags = await docker(
        "alpha",
        "images",
        "--filter",
        `reference=${repository}`,
        "--format",
        "{{.Repository}}:{{.Tag}}",
      );
      if (tags) await docker("alpha", "image", "rm", "-f", ...tags.split("\n"));
    }
  });

  it("a sign-in throttle counts across replicas: failures spread over three replicas throttle as if sent to one", async () => {
    const username = uniqueName("hb-nobody");
    const login = (replica: Replica) =>
      fetch(`${replica.url}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username, password: "wrong-password-for-the-throttle" }),
      });
    // 5 failures for one user from one address, each on the next replica: the sixth is refused on every one.
    for (let i = 0; i < 5; i++) expect((await login(set.replicas[i % 3]!)).status).toBe(401);
    for (const replica of set.replicas) {
      const answer = await login(replica);
      expect(answer.status).toBe(429);
      expect(await answer.json()).toMatchObject({ error: { code: "RATE_LIMITED" } });
    }
  });

  it("a replica whose database stops answering answers 503 and gives its lease up; one takes it back after", async () => {
    const name = new URL(set.databaseUrl).pathname.slice(1);
    await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
    await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", [name]);
    try {
      for (const replica of set.replicas) {
        await vi.waitFor(async () => expect((await fetch(`${replica.url}/api/health`)).status).toBe(503), {
          timeout: FAILOVER_MS,
        });
      }
      const answer = await fetch(`${set.replicas[0]!.url}/api/health`);
      expect(((await answer.json()) as { error: { message: string } }).error.message).toMatch(
        /^The database does not answer: /,
      );
      expect(await set.recorders()).toEqual([]);
      const locks = await admin.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE l.locktype = 'advisory' AND d.datname = $1",
        [name],
      );
      expect(locks[0]!.n).toBe(0);
    } finally {
      await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
    }
    await vi.waitFor(async () => expect(await set.recorders()).toHaveLength(1), { timeout: FAILOVER_MS * 2 });
  });

  /** A webhook channel for the containers whose names match `glob`. */
  const channelFor = async (name: string, glob = name) => {
    const answer = await set.replicas[0]!.fetch("/api/alerts/channels", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        name,
        kind: "webhook",
        rules: { events: ["incident.opened", "incident.ended"], containerGlob: glob },
        settings: { url: hook.url, secret: "replicas-signing-secret" },
      }),
    });
    expect(answer.status).toBe(200);
  };
  /** The distinct messages (by id) the receiver got about one container, as `event` names in arrival order. */
  const messagesOf = (name: string) => {
    const ours = hook.received.filter((r) => (r.json.container as { name?: string } | null)?.name === name);
    return ours
      .filter((r, i) => ours.findIndex((o) => o.json.id === r.json.id) === i)
      .map((r) => r.json.event);
  };
  /** The alerts the receiver got about one container, as `event` names in arrival order. */
  const alertsOf = (name: string) =>
    hook.received
      .filter((r) => (r.json.container as { name?: string } | null)?.name === name)
      .map((r) => r.json.event);

  it("what happened while no replica recorded is recorded once when one does: a crash gets one incident and one alert, a docker stop one history row, a docker run cut by the kill none", async () => {
    await vi.waitFor(async () => expect(await set.recorders()).toHaveLength(1), { timeout: FAILOVER_MS * 2 });
    const name = uniqueName("hb-gap");
    const stopped = uniqueName("hb-gap-stop");
    const halfRun = uniqueName("h3-gap-run");
    await channelFor(name);
    await runContainer("alpha", stopped, [], SERVICE);
    const [recorder] = await set.recorders();
    const holder = await openDedicatedConnection(set.databaseUrl, "test");
    // A `docker run` whose create the recorder reached (its saved cursor is past it) and whose start comes after
    // the kill: the next recorder must not record that start as a `docker start` someone made.
    await docker(
      "alpha",
      "create",
      "--name",
      halfRun,
      "--network",
      "none",
      "--label",
      `${TEST_LABEL}=${TEST_RUN}`,
      "localhost/busybox:1",
      ...SERVICE,
    );
    const createdMs = Date.parse(await docker("alpha", "inspect", "-f", "{{.Created}}", halfRun));
    await vi.waitFor(async () => {
      const [cursor] = await holder.query<{ ms: number }>(
        "SELECT last_event_ms AS ms FROM host_cursors WHERE host_id = 'alpha'",
      );
      expect(Number(cursor?.ms)).toBeGreaterThanOrEqual(createdMs);
      // The recorder saves its cursor a second after an event at most, then writes it.
    }, 5_000);
    // The test queues for the lease before the recorder dies: PostgreSQL grants it to the queue first, so no
    // replica records until the test lets go, however long what happens below takes.
    const held = holder.query("SELECT pg_advisory_lock($1::bigint)", [LEASE_KEY]);
    const database = new URL(set.databaseUrl).pathname.slice(1);
    await vi.waitFor(async () => {
      const [waiting] = await admin.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE l.locktype = 'advisory' AND NOT l.granted AND d.datname = $1",
        [database],
      );
      expect(waiting!.n).toBe(1);
    });
    try {
      await set.kill(recorder!);
      await held;
      expect(await set.recorders()).toEqual([]);
      const watching = await follower();
      await runContainer("alpha", name, [], crash);
      await docker("alpha", "stop", stopped);
      await docker("alpha", "start", halfRun);
      await waitFor(
        "the crash",
        async () => (await docker("alpha", "inspect", "-f", "{{.State.Status}}", name)) === "exited",
      );
      // A follower's page sees both (it watches the engine), but nothing is recorded.
      expect(await incidentsOf(watching, name)).toEqual([]);
      expect((await historyOf(watching, stopped)).map((row) => row.action)).toEqual([]);
    } finally {
      await holder.close();
    }
    const letGo = Date.now();
    await vi.waitFor(async () => expect(await set.recorders()).toHaveLength(1), { timeout: FAILOVER_MS });
    figure("lease let go → a follower records", Date.now() - letGo);
    const watching = await follower();
    await waitFor("the gap's incident", async () => (await incidentsOf(watching, name)).length > 0);
    figure("lease let go → the gap's incident recorded", Date.now() - letGo);
    await waitFor("the gap's stop", async () => (await historyOf(watching, stopped)).length > 0);
    await docker("alpha", "rm", "-f", name, stopped, halfRun);
    await waitFor("the end's alert", async () => alertsOf(name).includes("incident.ended"));
    await waitFor("the removal's row", async () => (await historyOf(watching, stopped)).length > 1);
    expect(alertsOf(name)).toEqual(["incident.opened", "incident.ended"]);
    const incidents = await incidentsOf(watching, name);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ kind: "exit", exitCode: 3, endReason: "removed" });
    expect((await historyOf(watching, stopped)).map((row) => `${row.source} ${row.action}`)).toEqual([
      "external remove",
      "external stop",
    ]);
    await waitFor("the half run's removal row", async () => (await historyOf(watching, halfRun)).length > 0);
    expect((await historyOf(watching, halfRun)).map((row) => `${row.source} ${row.action}`)).toEqual([
      "external remove",
    ]);
  });

  it("50 crashes on three engines while the recorder is killed in the middle: 50 incidents, 50 alerts, no duplicate, each outside change once in the history, and HAProxy answers throughout", async () => {
    await vi.waitFor(async () => expect(await set.recorders()).toHaveLength(1), { timeout: FAILOVER_MS });
    const prefix = uniqueName("h3-fifty");
    await channelFor(prefix, `${prefix}-*`);
    const on = (i: number) => STANDALONE[i % STANDALONE.length]!;
    const crashes = Array.from({ length: 50 }, (_, i) => ({ engine: on(i), name: `${prefix}-${i}` }));
    // Outside changes across the kill: a docker stop on each engine before it, and one after it.
    const stops = Array.from({ length: 6 }, (_, i) => ({ engine: on(i), name: `${prefix}-stop-${i}` }));
    await Promise.all(stops.map(({ engine, name }) => runContainer(engine, name, [], SERVICE)));
    const run = (some: typeof crashes) =>
      Promise.all(
        STANDALONE.map(async (engine) => {
          for (const c of some.filter((c) => c.engine === engine))
            await runContainer(engine, c.name, [], crash);
        }),
      );
    const stop = (some: typeof stops) =>
      Promise.all(some.map(({ engine, name }) => docker(engine, "stop", "-t", "1", name)));
    const [recorder] = await set.recorders();
    await Promise.all([run(crashes.slice(0, 25)), stop(stops.slice(0, 3))]);
    const killed = Date.now();
    await set.kill(recorder!);
    // The second half crashes while the lease is being taken.
    const secondHalf = Promise.all([run(crashes.slice(25)), stop(stops.slice(3))]);
    await vi.waitFor(
      async () => {
        const now = await set.recorders();
        expect(now).toHaveLength(1);
        expect(now[0]!.name).not.toBe(recorder!.name);
      },
      { timeout: FAILOVER_MS, interval: 100 },
    );
    figure("kill -9 → lease taken", Date.now() - killed);
    await secondHalf;
    const [next] = await set.recorders();
    const burst = async () => {
      const answer = await next!.fetch("/api/incidents?limit=1000");
      expect(answer.status).toBe(200);
      const { incidents } = (await answer.json()) as { incidents: Incident[] };
      return incidents.filter((incident) => incident.containerName.startsWith(`${prefix}-`));
    };
    const afterKill = new Set(crashes.slice(25).map((c) => c.name));
    await waitFor("an incident of a crash after the kill", async () =>
      (await burst()).some((incident) => afterKill.has(incident.containerName)),
    );
    figure("kill -9 → the first incident after it recorded", Date.now() - killed);
    await waitFor("every crash's incident", async () => (await burst()).length >= crashes.length).catch(
      async (error: Error) => {
        // Which crashes went unrecorded, when each died against the kill, and what the replicas said.
        const recorded = new Set((await burst()).map((incident) => incident.containerName));
        const missing = crashes.filter(({ name }) => !recorded.has(name));
        const died = await Promise.all(
          missing.map(async ({ engine, name }) => {
            const at = await docker(engine, "inspect", "-f", "{{.State.FinishedAt}}", name);
            return `${engine}/${name} died ${Date.parse(at) - killed} ms after the kill`;
          }),
        );
        const said = set.replicas.map((r) => `${r.name}:\n${r.output().split("\n").slice(-15).join("\n")}`);
        throw new Error(`${error.message}\n${died.join("\n")}\n${said.join("\n")}`);
      },
    );
    await waitFor("every crash's alert", async () =>
      crashes.every(({ name }) => alertsOf(name).includes("incident.opened")),
    ).catch(async (error: Error) => {
      const missing = crashes.filter(({ name }) => !alertsOf(name).includes("incident.opened"));
      throw new Error(`${error.message}\nno alert for: ${missing.map((c) => c.name).join(", ")}`);
    });
    for (let i = 0; i < 6; i++) {
      const answer = await fetch(`${set.url}/api/health`);
      expect(answer.status).toBe(200);
      expect(((await answer.json()) as { replica: string }).replica).not.toBe(recorder!.name);
    }

    await Promise.all(
      STANDALONE.map((engine) =>
        docker(
          engine,
          "rm",
          "-f",
          ...[...crashes, ...stops].filter((c) => c.engine === engine).map((c) => c.name),
        ),
      ),
    );
    await waitFor("every end's alert", async () =>
      crashes.every(({ name }) => alertsOf(name).includes("incident.ended")),
    );
    const recorded = await burst();
    expect(recorded.map((incident) => incident.containerName).sort()).toEqual(
      crashes.map((c) => c.name).sort(),
    );
    for (const incident of recorded)
      expect(incident).toMatchObject({ kind: "exit", exitCode: 3, endReason: "removed" });
    // One message per crash and phase. A message the killed recorder was sending when it died (the receiver
    // answered, the answer was never recorded) goes again, under the same id, once its claim runs out: the
    // documented at-least-once, which receivers drop by id (docs/api.md, Delivery); counted, not a duplicate.
    for (const { name } of crashes) expect(messagesOf(name)).toEqual(["incident.opened", "incident.ended"]);
    const ours = hook.received.filter((r) =>
      ((r.json.container as { name?: string } | null)?.name ?? "").startsWith(`${prefix}-`),
    );
    console.log(
      `[figure] messages sent again under the same id: ${ours.length - new Set(ours.map((r) => r.json.id)).size}`,
    );
    // Each outside change once: the removals after the failover, the stops on either side of the kill.
    const historyRows = async ({ engine, name }: { engine: string; name: string }) =>
      (await historyOf(next!, name, engine)).map((row) => `${row.source} ${row.action}`);
    await waitFor("every removal's row", async () =>
      (await Promise.all([...crashes, ...stops].map(historyRows))).every((rows) =>
        rows.includes("external remove"),
      ),
    );
    for (const c of crashes) expect(await historyRows(c)).toEqual(["external remove"]);
    for (const c of stops) expect(await historyRows(c)).toEqual(["external remove", "external stop"]);
  });
});
