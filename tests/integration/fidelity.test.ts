import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ActionResult } from "@/lib/actions/types";
import type { ContainersResponse, ListedContainer } from "@/lib/fleet/types";
import { api } from "../support/api";
import { acquire } from "../support/engine-locks";
import {
  docker,
  readFleetFile,
  removeTestContainers,
  runContainer,
  uniqueName,
  waitFor,
} from "../support/fleet";
import { buildAndPush, REGISTRY } from "../support/images";
import { waitForIncidents } from "../support/incidents";
import { post } from "../support/post";
import { startWharf, type RunningServer } from "../support/wharf-server";
import { passFolder } from "../support/pass";

const forever = ["sh", "-c", "trap 'exit 0' TERM; while :; do sleep 1; done"];

async function rowOf(name: string, get = api): Promise<ListedContainer | undefined> {
  const { body } = await get<ContainersResponse>(`/api/containers?q=${encodeURIComponent(name)}`);
  return body.containers.find((row) => row.name === name);
}

beforeAll(() => removeTestContainers("alpha"));
afterAll(() => removeTestContainers("alpha"));

describe("a crash loop is flagged the whole time", () => {
  it("every API sample after the second death says restart-loop, with the exit code that caused it", async () => {
    const name = uniqueName("it-loop");
    await runContainer(
      "alpha",
      name,
      ["--restart", "always"],
      ["sh", "-c", "echo 'cannot reach db' >&2; sleep 1; exit 4"],
    );
    // Docker's count goes to 2 when it restarts the container after its second death.
    await waitFor(`${name} to die twice`, async () => ((await rowOf(name))?.restartCount ?? 0) >= 2, 20_000);
    const unflagged: string[] = [];
    const deadline = Date.now() + 30_000;
    let samples = 0;
    while (Date.now() < deadline) {
      const row = await rowOf(name);
      samples += 1;
      if (row?.attention !== "restart-loop")
        unflagged.push(`${new Date().toISOString()} ${row?.state} ${row?.attention}`);
      else expect(row.lastExit?.code).toBe(4);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(samples).toBeGreaterThan(100);
    expect(unflagged).toEqual([]);
    // The same verdict reaches the incident: the last exit code and the line that says why.
    const [incident] = await waitForIncidents(
      "alpha",
      name,
      (list) => list[0]?.lastStderr === "cannot reach db",
    );
    expect(incident).toMatchObject({ kind: "restart-loop", exitCode: 4, oom: false });
    await docker("alpha", "rm", "-f", name);
  }, 90_000);
});

describe("what is not a crash opens no incident", () => {
  const repo = `${REGISTRY}/it-calm-${Date.now().toString(36)}`;

  it("a redeploy, a rollback and a `docker rm -f` of a healthy container", async () => {
    const name = uniqueName("it-calm");
    await buildAndPush("alpha", `${repo}:1`, { version: "one" });
    await buildAndPush("alpha", `${repo}:2`, { version: "two" });
    await runContainer(
      "alpha",
      name,
      ["--health-cmd", "true", "--health-interval", "1s"],
      forever,
      `${repo}:1`,
    );
    await waitFor(`${name} to be healthy`, async () => (await rowOf(name))?.health === "healthy");

    const redeployed = await post<ActionResult>("/api/deploy", {
      hostId: "alpha",
      container: name,
      image: `${repo}:2`,
      graceSeconds: 1,
    });
    expect(redeployed.body.entry.outcome).toBe("succeeded");
    const rolledBack = await post<ActionResult>(`/api/containers/alpha/${name}/rollback`, {
      graceSeconds: 1,
    });
    expect(rolledBack.body.entry.outcome).toBe("succeeded");
    await waitFor(`${name} to be healthy again`, async () => (await rowOf(name))?.health === "healthy");
    await docker("alpha", "rm", "-f", name);

    // A crash after all that, on the same host: once its incident is there, every earlier event was handled.
    const sentinel = uniqueName("it-calm-sentinel");
    await runContainer("alpha", sentinel, [], ["sh", "-c", "exit 9"]);
    await waitForIncidents("alpha", sentinel, (list) => list.length === 1);
    const { body } = await api<{ incidents: { containerName: string; kind: string }[] }>(
      `/api/incidents?host=alpha&limit=500`,
    );
    expect(body.incidents.filter((i) => i.containerName.startsWith(name))).toEqual([]);
  }, 120_000);
});

describe("Wharf knows why containers stopped while it was not running", () => {
  const dir = path.join(passFolder, "integration/catch-up");
  const fleetFile = path.join(dir, "hosts.json");
  let wharf: RunningServer | undefined;

  beforeAll(() => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      fleetFile,
      JSON.stringify({ hosts: readFleetFile().hosts.filter((h) => h.id === "alpha") }),
    );
  });
  afterAll(() => wharf?.stop());

  it("a container killed meanwhile is `killed`, one that crashed meanwhile has its incident with its code", async () => {
    const killed = uniqueName("it-killed-meanwhile");
    const crashed = uniqueName("it-crashed-meanwhile");
    await runContainer("alpha", killed, [], forever);
    await runContainer(
      "alpha",
      crashed,
      [],
      ["sh", "-c", "while [ ! -f /tmp/go ]; do sleep 0.1; done; echo 'bad config' >&2; exit 5"],
    );

    const start = () => startWharf({ port: 3113, fleetConfig: fleetFile, dataDir: path.join(dir, "data") });
    wharf = await start();
    const get = <T>(pathname: string) =>
      wharf!.fetch(pathname).then(async (r) => ({ status: r.status, body: (await r.json()) as T }));
    await waitFor("Wharf to see both running", async () => {
      const rows = await Promise.all([rowOf(killed, get), rowOf(crashed, get)]);
      return rows.every((row) => row?.state === "running");
    });
    await wharf.stop();

    await docker("alpha", "kill", killed);
    await docker("alpha", "exec", crashed, "touch", "/tmp/go");
    await waitFor(
      `${crashed} to exit`,
      async () => (await docker("alpha", "inspect", "-f", "{{.State.Status}}", crashed)) === "exited",
    );

    wharf = await start();
    const killedRow = await rowOf(killed, get);
    expect(killedRow).toMatchObject({ state: "exited", exitCode: 137, exitCause: "killed", attention: null });
    const crashedRow = await rowOf(crashed, get);
    expect(crashedRow).toMatchObject({ state: "exited", exitCode: 5, exitCause: "crash", attention: "exit" });

    const incidents = await vi.waitFor(
      async () => {
        const response = await get<{
          incidents: { kind: string; exitCode: number; endedAt: string | null }[];
        }>(`/api/incidents?host=alpha&container=${crashed}`);
        expect(response.body.incidents).toHaveLength(1);
        return response.body.incidents;
      },
      { timeout: 10_000, interval: 200 },
    );
    expect(incidents[0]).toMatchObject({ kind: "exit", exitCode: 5 });
    const killedIncidents = await get<{ incidents: unknown[] }>(
      `/api/incidents?host=alpha&container=${killed}`,
    );
    expect(killedIncidents.body.incidents).toEqual([]);

    // "Restart crashed" takes the crash and leaves the kill alone. It restarts every crashed container of the
    // host, the other pass's too: that pass must be between files.
    const fleet = await acquire("fleet", "exclusive");
    const restarted = await post<{ results: { name: string }[] }>(
      "/api/actions/restart-crashed",
      { hostId: "alpha" },
      wharf.url,
      wharf.token,
    ).finally(() => fleet.release());
    const names = restarted.body.results.map((r) => r.name);
    expect(names).toContain(crashed);
    expect(names).not.toContain(killed);
  }, 600_000);
});
