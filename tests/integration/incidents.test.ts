import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import type { ContainersResponse } from "@/lib/fleet/types";
import type { Incident } from "@/lib/fleet/incident-types";
import { api, authHeaders } from "../support/api";
import { docker, engines, inspect, removeTestContainers, runContainer, uniqueName } from "../support/fleet";
import { incidentsOf, waitForIncidents } from "../support/incidents";
import { buildAndPush, REGISTRY } from "../support/images";
import { post } from "../support/post";
import { runOomKilled } from "../support/scenario";

const forever = ["sh", "-c", "trap 'exit 0' TERM; while :; do sleep 1; done"];
const ignoresTerm = ["sh", "-c", "trap '' TERM; while :; do sleep 1; done"];

beforeAll(() => Promise.all(engines.map(removeTestContainers)));
afterAll(() => Promise.all(engines.map(removeTestContainers)));

async function row(host: string, name: string) {
  const { body } = await api<ContainersResponse>(`/api/containers?host=${host}&q=${name}`);
  return body.containers.find((c) => c.name === name);
}

// Each test has containers of its own and waits on the engines (two of them 10 s of running again, which is what
// "recovered" means): they run side by side.
describe.concurrent("incidents", () => {
  describe("crash incidents", () => {
    it("a container exiting with code 3 opens exactly one exit incident with the code and its last log line", async () => {
      const name = uniqueName("it-crash");
      await runContainer(
        "charlie",
        name,
        [],
        ["sh", "-c", "echo starting >&2; echo 'fatal: config missing' >&2; exit 3"],
      );
      const [incident] = await waitForIncidents(
        "charlie",
        name,
        (list) => list.length === 1 && list[0]!.logTail.length > 0,
      );
      expect(incident).toMatchObject({
        hostId: "charlie",
        containerName: name,
        kind: "exit",
        exitCode: 3,
        count: 1,
        endedAt: null,
        image: "localhost/busybox:1",
      });
      expect(incident!.logTail.at(-1)).toBe("fatal: config missing");
      expect(incident!.logTail).toContain("starting");
      expect((await row("charlie", name))?.exitCause).toBe("crash");
      // Exactly one, still, once everything about that death has been processed.
      expect(await incidentsOf("charlie", name)).toHaveLength(1);
    });

    it("docker stop of a running container opens no incident, even when it ends in 137", async () => {
      const polite = uniqueName("it-stop");
      const stubborn = uniqueName("it-stop-hard");
      await runContainer("alpha", polite, [], forever);
      await runContainer("alpha", stubborn, ["--stop-timeout", "1"], ignoresTerm);
      await docker("alpha", "stop", polite, stubborn);
      expect((await inspect("alpha", stubborn))[0]!.State.ExitCode).toBe(137);
      await vi.waitFor(async () => {
        expect(await row("alpha", stubborn)).toMatchObject({
          state: "exited",
          exitCode: 137,
          exitCause: "stopped",
        });
        expect(await row("alpha", polite)).toMatchObject({ state: "exited", exitCause: "clean" });
      });
      // A crash elsewhere after the stops: once its incident is there, the stops' events were processed too.
      const marker = uniqueName("it-marker");
      await runContainer("alpha", marker, [], ["sh", "-c", "exit 9"]);
      await waitForIncidents("alpha", marker, (list) => list.length === 1);
      expect(await incidentsOf("alpha", polite)).toEqual([]);
      expect(await incidentsOf("alpha", stubborn)).toEqual([]);
    });

    it("docker kill is recorded as killed, not as a crash", async () => {
      const name = uniqueName("it-kill");
      await runContainer("bravo", name, [], forever);
      await docker("bravo", "kill", name);
      await vi.waitFor(async () =>
        expect(await row("bravo", name)).toMatchObject({
          state: "exited",
          exitCode: 137,
          exitCause: "killed",
        }),
      );
      const marker = uniqueName("it-marker");
      await runContainer("bravo", marker, [], ["sh", "-c", "exit 9"]);
      await waitForIncidents("bravo", marker, (list) => list.length === 1);
      expect(await incidentsOf("bravo", name)).toEqual([]);
    });

    it("a restart-always container that keeps failing opens one restart-loop incident whose count grows", async () => {
      const name = uniqueName("it-loop");
      await runContainer(
        "alpha",
        name,
        ["--restart", "always"],
        ["sh", "-c", "echo 'cannot reach queue' >&2; exit 1"],
      );
      const [first] = await waitForIncidents(
        "alpha",
        name,
        (list) => list.length === 1 && list[0]!.kind === "restart-loop" && list[0]!.count >= 2,
      );
      const [later] = await waitForIncidents(
        "alpha",
        name,
        (list) => list.length === 1 && list[0]!.count >= first!.count + 2,
        30_000,
      );
      expect(later).toMatchObject({ id: first!.id, kind: "restart-loop", exitCode: 1, endedAt: null });
      expect(later!.logTail).toContain("cannot reach queue");
    });

    it("a failing health check opens an unhealthy incident with the check's output", async () => {
      const name = uniqueName("it-sick");
      await runContainer(
        "bravo",
        name,
        [
          "--health-cmd",
          "echo 'db ping failed: timeout'; exit 1",
          "--health-interval",
          "1s",
          "--health-retries",
          "1",
        ],
        forever,
      );
      const [incident] = await waitForIncidents("bravo", name, (list) =>
        list.some((i) => i.kind === "unhealthy"),
      );
      expect(incident).toMatchObject({ kind: "unhealthy", endedAt: null, exitCode: null });
      expect(incident!.healthOutput).toContain("db ping failed: timeout");
    });

    it("a container over its memory limit opens an oom incident", async () => {
      const name = await runOomKilled("charlie", uniqueName("it-oom"));
      expect((await inspect("charlie", name))[0]!.State.OOMKilled).toBe(true);
      const [incident] = await waitForIncidents(
        "charlie",
        name,
        (list) => list.length === 1 && list[0]!.kind === "oom",
      );
      expect(incident).toMatchObject({ kind: "oom", exitCode: 137, count: 1 });
    });
  });

  describe("incident lifecycle", () => {
    it("ends when the container has run again for 10 s, and can be acknowledged", async () => {
      const name = uniqueName("it-recover");
      // First run fails; any later run finds the marker it left and stays up.
      await runContainer(
        "alpha",
        name,
        [],
        [
          "sh",
          "-c",
          "[ -f /ok ] && exec sh -c 'trap \"exit 0\" TERM; while :; do sleep 1; done'; touch /ok; exit 2",
        ],
      );
      const [open] = await waitForIncidents("alpha", name, (list) => list.length === 1);
      expect(open!.endedAt).toBeNull();

      const ack = await fetch(`${inject("wharfUrl")}/api/incidents/${open!.id}/ack`, {
        method: "POST",
        headers: authHeaders(),
      });
      expect(ack.status).toBe(200);
      expect(((await ack.json()) as { incident: Incident }).incident).toMatchObject({
        id: open!.id,
        acknowledgedBy: expect.stringMatching(/^tests-/),
      });

      await docker("alpha", "start", name);
      const [ended] = await waitForIncidents("alpha", name, (list) => list[0]?.endedAt != null, 30_000);
      expect(ended!.endReason).toBe("recovered");
      expect(
        Date.parse(ended!.endedAt!) - Date.parse((await inspect("alpha", name))[0]!.State.StartedAt),
      ).toBeGreaterThanOrEqual(10_000);
      const open1 = await api<{ incidents: Incident[] }>(
        `/api/incidents?open=1&host=alpha&container=${name}`,
      );
      expect(open1.body.incidents).toEqual([]);
    });

    it("names what is wrong in a bad request", async () => {
      const missing = await fetch(`${inject("wharfUrl")}/api/incidents/999999/ack`, {
        method: "POST",
        headers: authHeaders(),
      });
      expect(missing.status).toBe(404);
      expect(((await missing.json()) as { error: { message: string } }).error.message).toBe(
        "Incident 999999 not found",
      );
      const bad = await api<{ error: { message: string } }>("/api/incidents?open=maybe");
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toContain("open");
    });
  });

  describe("how an incident ended", () => {
    it("`docker rm` of a crashed container ends its incident as removed, not as a recovery", async () => {
      const name = uniqueName("it-inc-removed");
      await runContainer("bravo", name, [], ["sh", "-c", "echo gone >&2; exit 3"]);
      const [open] = await waitForIncidents("bravo", name, (list) => list.length === 1);
      expect(open).toMatchObject({ target: "container", endedAt: null, endReason: null });
      await docker("bravo", "rm", name);
      const [ended] = await waitForIncidents("bravo", name, (list) => list[0]?.endedAt != null);
      expect(ended).toMatchObject({ id: open!.id, endReason: "removed" });
    });

    it("a redeploy that puts a working container in a crashed one's place ends its incident as replaced", async () => {
      const name = uniqueName("it-inc-replaced");
      const repo = `${REGISTRY}/it-inc-replaced-${Date.now().toString(36)}`;
      await buildAndPush("charlie", `${repo}:1`, { version: "one" });
      await buildAndPush("charlie", `${repo}:2`, { version: "two" });
      // Crashes on the first image, runs on the second: what a fix shipped as a new image does.
      const command = [
        "sh",
        "-c",
        `[ "$(cat /version)" = two ] && exec sh -c 'trap "exit 0" TERM; while :; do sleep 1; done'; exit 3`,
      ];
      await runContainer("charlie", name, [], command, `${repo}:1`);
      const [open] = await waitForIncidents("charlie", name, (list) => list.length === 1);
      const redeployed = await post<{ entry: { outcome: string } }>("/api/deploy", {
        hostId: "charlie",
        container: name,
        image: `${repo}:2`,
        graceSeconds: 1,
      });
      expect(redeployed.body.entry.outcome).toBe("succeeded");
      const [ended] = await waitForIncidents("charlie", name, (list) => list[0]?.endedAt != null, 30_000);
      expect(ended).toMatchObject({ id: open!.id, endReason: "replaced" });
      await docker("charlie", "rm", "-f", name);
    }, 90_000);
  });
});
