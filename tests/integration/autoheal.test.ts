import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HistoryEntry } from "@/lib/history/types";
import type { AutohealPolicy, AutohealStatus } from "@/lib/autoheal/types";
import type { Incident } from "@/lib/fleet/incident-types";
import {
  docker,
  inspect,
  readFleetFile,
  removeTestContainers,
  runContainer,
  uniqueName,
  waitFor,
} from "../support/fleet";
import { acquire, type Held } from "../support/engine-locks";
import { startWharf, type RunningServer } from "../support/wharf-server";
import { passFolder } from "../support/pass";

// A Wharf of its own on alpha, with a short grace period so five tries fit in a test.
const dir = path.join(passFolder, "integration/autoheal");
const fleetFile = path.join(dir, "hosts.json");
let wharf: RunningServer;
// The other pass's auto-heal on alpha would heal this file's containers too, and this one its.
let autoheal: Held | undefined;

// Auto-heal waits this long before its first try, doubled for every try made since (lib/autoheal/backoff.ts).
const GRACE_MS = 300;
const LABEL = ["--label", "wharf.autoheal=true"];
const health = (test: string) => [
  "--health-cmd",
  test,
  "--health-interval",
  "500ms",
  "--health-retries",
  "1",
  "--health-timeout",
  "2s",
];
const forever = "trap 'exit 0' TERM; while :; do sleep 1; done";
// Fails its health check on the first run only: the first run leaves a mark in the container's own filesystem.
const healthyOnSecondRun = ["sh", "-c", `[ -f /ran-once ] && touch /tmp/ok; touch /ran-once; ${forever}`];
// Exits 1 on its first run only, and runs on the next.
const crashesOnce = ["sh", "-c", `[ -f /ran-once ] && exec sh -c "${forever}"; touch /ran-once; exit 1`];

beforeAll(async () => {
  autoheal = await acquire("autoheal-alpha", "exclusive");
  await removeTestContainers("alpha");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(fleetFile, JSON.stringify({ hosts: readFleetFile().hosts.filter((h) => h.id === "alpha") }));
  wharf = await startWharf({
    port: 3180,
    fleetConfig: fleetFile,
    dataDir: path.join(dir, "data"),
    env: { WHARF_AUTOHEAL: "on", WHARF_AUTOHEAL_GRACE_MS: String(GRACE_MS) },
  });
}, 600_000);

afterAll(async () => {
  await wharf?.stop();
  await removeTestContainers("alpha");
  autoheal?.release();
});

async function get<T>(pathname: string, token = wharf.token): Promise<{ status: number; body: T }> {
  const response = await fetch(`${wharf.url}${pathname}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json()) as T };
}

async function send<T>(method: string, pathname: string, body?: unknown, token = wharf.token) {
  const response = await fetch(`${wharf.url}${pathname}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

const historyOf = async (name: string) =>
  (await get<{ entries: HistoryEntry[] }>(`/api/history?host=alpha&container=${name}`)).body.entries;
/** What auto-heal did to it (a `docker stop` by the test is a history row too, with source `external`). */
const healsOf = async (name: string) => (await historyOf(name)).filter((e) => e.source === "autoheal");
const incidentsOf = async (name: string) =>
  (await get<{ incidents: Incident[] }>(`/api/incidents?host=alpha&container=${name}`)).body.incidents;
const statusOf = async (name: string) =>
  (await get<{ status: AutohealStatus }>(`/api/autoheal/status?host=alpha&container=${name}`)).body.status;
const engineState = async (name: string) => (await inspect("alpha", name))[0]!.State;

/** Waits for auto-heal's settled history row of `action` on the container. */
const healed = (name: string, action: "restart" | "start") =>
  waitFor(
    `auto-heal to ${action} ${name}`,
    async () => (await historyOf(name)).find((e) => e.action === action && e.outcome === "succeeded"),
    30_000,
  );

describe("auto-heal", () => {
  it("restarts a labelled container whose health check fails, and leaves an unlabelled unhealthy one and a labelled healthy one alone", async () => {
    const unlabelled = uniqueName("it-ah-unlabelled");
    const fine = uniqueName("it-ah-fine");
    const flaky = uniqueName("it-ah-flaky");
    await runContainer("alpha", unlabelled, health("false"), ["sh", "-c", forever]);
    await runContainer("alpha", fine, [...LABEL, ...health("true")], ["sh", "-c", forever]);
    await waitFor("the unlabelled container to fail its check", async () => {
      const [a, b] = await inspect("alpha", unlabelled, fine);
      return a!.State.Health?.Status === "unhealthy" && b!.State.Health?.Status === "healthy";
    });
    const before = await inspect("alpha", unlabelled, fine);

    await runContainer("alpha", flaky, [...LABEL, ...health("test -f /tmp/ok")], healthyOnSecondRun);
    const entry = await healed(flaky, "restart");
    expect(entry).toMatchObject({ actor: "autoheal", source: "autoheal", hostId: "alpha" });
    await waitFor("the restarted container to be healthy", async () => {
      return (await engineState(flaky)).Health?.Status === "healthy";
    });
    // It held: one try was enough.
    expect(await historyOf(flaky)).toHaveLength(1);
    const [incident] = await incidentsOf(flaky);
    expect(incident).toMatchObject({ kind: "unhealthy" });
    expect(incident!.notes.map((n) => n.text)).toEqual([
      "Auto-heal restarted the container (failing health check), try 1 of 5",
    ]);

    // The others were unhealthy and healthy for longer than the grace period before the flaky one was healed.
    expect(await historyOf(unlabelled)).toEqual([]);
    expect(await historyOf(fine)).toEqual([]);
    const after = await inspect("alpha", unlabelled, fine);
    expect(after.map((c) => c.State.StartedAt)).toEqual(before.map((c) => c.State.StartedAt));
    expect(after[0]!.State.Health?.Status).toBe("unhealthy");

    expect(await statusOf(unlabelled)).toMatchObject({ policy: null, state: "off" });
    expect(await statusOf(flaky)).toMatchObject({
      policy: { source: "label", label: "wharf.autoheal=true", graceMs: 300 },
      state: "watching",
      tries: [entry.at],
      maxTries: 5,
    });
  });

  it("starts a labelled container that exited 1 with restart policy no, and respects a docker stop", async () => {
    const stopped = uniqueName("it-ah-stopped");
    const crasher = uniqueName("it-ah-crasher");
    // sh ignores TERM as PID 1: the stop ends in a KILL and exit code 137, which a naive check takes for a crash.
    await runContainer(
      "alpha",
      stopped,
      [...LABEL, "--stop-timeout", "1"],
      ["sh", "-c", "while :; do sleep 1; done"],
    );
    await docker("alpha", "stop", stopped);
    expect((await engineState(stopped)).ExitCode).toBe(137);
    expect(await statusOf(stopped)).toMatchObject({
      state: "watching",
      policy: { label: "wharf.autoheal=true" },
    });

    // docker-autoheal's label opts in too.
    await runContainer("alpha", crasher, ["--label", "autoheal=true", "--restart", "no"], crashesOnce);
    const entry = await healed(crasher, "start");
    expect(entry).toMatchObject({ actor: "autoheal", source: "autoheal" });
    await waitFor("the started container to be running", async () => (await engineState(crasher)).Running);
    // The note follows the try's history row (a moment later on PostgreSQL): wait for it as a user would.
    const [incident] = await waitFor("auto-heal's note on the incident", async () => {
      const incidents = await incidentsOf(crasher);
      return incidents[0]?.notes.length ? incidents : false;
    });
    expect(incident).toMatchObject({ kind: "exit", exitCode: 1 });
    expect(incident!.notes.map((n) => n.text)).toEqual([
      "Auto-heal started the container (exited with code 1), try 1 of 5",
    ]);

    expect(await statusOf(crasher)).toMatchObject({ policy: { source: "label", label: "autoheal=true" } });
    // The stop came first, so its grace period ran out before the crasher's did.
    expect(await healsOf(stopped)).toEqual([]);
    expect((await historyOf(stopped)).map((e) => `${e.source} ${e.action}`)).toEqual(["external stop"]);
    expect(await engineState(stopped)).toMatchObject({ Running: false, ExitCode: 137 });
  });

  it("gives up after the fifth failed try, says so on the incident, and has every try in the history", async () => {
    const doomed = uniqueName("it-ah-doomed");
    await runContainer("alpha", doomed, [...LABEL, "--restart", "no"], ["sh", "-c", "exit 1"]);
    const [incident] = await waitFor(
      "auto-heal to give up",
      async () => {
        const incidents = await incidentsOf(doomed);
        return incidents[0]?.notes.some((n) => n.text.startsWith("Auto-heal gave up")) && incidents;
      },
      45_000,
    );
    const tries = await historyOf(doomed);
    expect(
      tries,
      JSON.stringify(tries.map((e) => `${e.at} ${e.source} ${e.actor} ${e.action}`)),
    ).toHaveLength(5);
    for (const entry of tries)
      expect(entry).toMatchObject({
        action: "start",
        actor: "autoheal",
        source: "autoheal",
        outcome: "succeeded",
      });
    expect(incident!.notes.map((n) => n.text)).toEqual([
      ...[1, 2, 3, 4, 5].map((n) => `Auto-heal started the container (exited with code 1), try ${n} of 5`),
      "Auto-heal gave up: it failed again after 5 tries in 30 minutes",
    ]);
    // The waits between tries doubled: try n+1 came at least the grace period times 2^n after try n was seen
    // failing, which was after try n began. (The time to notice each failure varies with the machine's load, so
    // the gaps themselves need not grow in step.)
    const at = tries.map((e) => Date.parse(e.at)).reverse();
    const gaps = at.slice(1).map((t, i) => t - at[i]!);
    expect(gaps.map((gap, i) => gap >= GRACE_MS * 2 ** (i + 1))).toEqual([true, true, true, true]);
    expect(await statusOf(doomed)).toMatchObject({ state: "gave-up", nextTryAt: null });
    expect((await engineState(doomed)).Running).toBe(false);
    const all = await get<{ entries: HistoryEntry[] }>("/api/history?actor=autoheal");
    expect(all.body.entries.filter((e) => e.containerName === doomed)).toHaveLength(5);
  });

  it("heals an unlabelled container through an operator's policy for its compose project; policies are audited", async () => {
    const project = uniqueName("itahproj");
    const viewer = await send<{ token: string }>("POST", "/api/tokens", {
      name: uniqueName("viewer"),
      role: "viewer",
    });
    expect((await get("/api/autoheal/policies", viewer.body.token)).status).toBe(200);
    const refused = await send("POST", "/api/autoheal/policies", { project }, viewer.body.token);
    expect(refused.status).toBe(403);
    const invalid = await send<{ error: { message: string } }>("POST", "/api/autoheal/policies", {
      project,
      every: "thing",
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.message).toContain("every");
    const empty = await send<{ error: { message: string } }>("POST", "/api/autoheal/policies", {});
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toContain("give a hostId, a project, or both");
    expect((await send("POST", "/api/autoheal/policies", { hostId: "nowhere" })).status).toBe(404);

    const created = await send<{ policy: AutohealPolicy }>("POST", "/api/autoheal/policies", {
      hostId: "alpha",
      project,
      graceSeconds: 0.2,
    });
    expect(created.status).toBe(200);
    expect(created.body.policy).toMatchObject({ hostId: "alpha", project, graceSeconds: 0.2 });
    const listed = await get<{ policies: AutohealPolicy[] }>("/api/autoheal/policies");
    expect(listed.body.policies).toContainEqual(created.body.policy);

    const name = uniqueName("it-ah-project");
    const compose = [
      "--label",
      `com.docker.compose.project=${project}`,
      "--label",
      "com.docker.compose.service=web",
    ];
    await runContainer("alpha", name, compose, crashesOnce);
    await healed(name, "start");
    expect(await statusOf(name)).toMatchObject({
      policy: { source: "policy", policy: { id: created.body.policy.id }, graceMs: 200 },
    });

    const removed = await send<{ policy: AutohealPolicy }>(
      "DELETE",
      `/api/autoheal/policies/${created.body.policy.id}`,
    );
    expect(removed.status).toBe(200);
    expect(await statusOf(name)).toMatchObject({ policy: null, state: "off" });
    expect((await send("DELETE", `/api/autoheal/policies/${created.body.policy.id}`)).status).toBe(404);
    const audit = await get<{ entries: { action: string; target: string }[] }>("/api/audit?limit=20");
    const target = `compose project ${project} on host alpha`;
    expect(audit.body.entries).toContainEqual(
      expect.objectContaining({ action: "autoheal-policy-set", target }),
    );
    expect(audit.body.entries).toContainEqual(
      expect.objectContaining({ action: "autoheal-policy-deleted", target }),
    );
  });

  it("cancels a planned try when the container recovers first", async () => {
    const project = uniqueName("itahslow");
    const { body } = await send<{ policy: AutohealPolicy }>("POST", "/api/autoheal/policies", {
      hostId: "alpha",
      project,
      graceSeconds: 5,
    });
    const compose = ["--label", `com.docker.compose.project=${project}`];
    const recovering = uniqueName("it-ah-recovering");
    await runContainer(
      "alpha",
      recovering,
      [...compose, ...health("test -f /tmp/ok")],
      ["sh", "-c", forever],
    );
    const planned = await waitFor("a try to be planned", async () => {
      const status = await statusOf(recovering);
      return status.state === "waiting" && status;
    });
    expect(planned).toMatchObject({ nextAction: "restart", policy: { source: "policy", graceMs: 5000 } });

    await docker("alpha", "exec", recovering, "touch", "/tmp/ok");
    await waitFor("the planned try to be cancelled", async () => {
      const status = await statusOf(recovering);
      return status.state === "watching" && status.nextTryAt === null;
    });
    // A container of the same project that crashes now is started after the same grace period: by then the
    // cancelled try would have been made.
    const later = uniqueName("it-ah-later");
    await runContainer("alpha", later, [...compose, "--restart", "no"], crashesOnce);
    const entry = await healed(later, "start");
    expect(Date.parse(entry.at)).toBeGreaterThan(Date.parse(planned.nextTryAt!));
    expect(await historyOf(recovering)).toEqual([]);
    expect((await engineState(recovering)).Health?.Status).toBe("healthy");
    await send("DELETE", `/api/autoheal/policies/${body.policy.id}`);
  });
});
