import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HistoryEntry } from "@/lib/history/types";
import type { AutohealPolicy, AutohealStatus } from "@/lib/autoheal/types";
import type { ContainersResponse } from "@/lib/fleet/types";
import {
  docker,
  inspect,
  readFleetFile,
  removeTestContainers,
  runContainer,
  uniqueName,
  waitFor,
} from "../support/fleet";
import { createService, removeTestServices, SWARM_IMAGE } from "../support/swarm";
import { acquire, type Held } from "../support/engine-locks";
import { startWharf, type RunningServer } from "../support/wharf-server";
import { passFolder } from "../support/pass";

// A Wharf of its own with auto-heal on, watching the swarm manager only: the suite's server has auto-heal off.
const dir = path.join(passFolder, "integration/swarm-tasks");
let wharf: RunningServer;
// The other pass's auto-heal on sierra would heal this file's containers too, and this one its.
let autoheal: Held | undefined;

beforeAll(async () => {
  autoheal = await acquire("autoheal-sierra", "exclusive");
  await Promise.all([removeTestServices(), removeTestContainers("sierra")]);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const fleetConfig = path.join(dir, "hosts.json");
  writeFileSync(
    fleetConfig,
    JSON.stringify({ hosts: readFleetFile().hosts.filter((h) => h.id === "sierra") }),
  );
  wharf = await startWharf({
    port: 3192,
    fleetConfig,
    dataDir: path.join(dir, "data"),
    env: { WHARF_AUTOHEAL: "on", WHARF_AUTOHEAL_GRACE_MS: "300" },
  });
}, 600_000);

afterAll(async () => {
  await wharf?.stop();
  await Promise.all([removeTestServices(), removeTestContainers("sierra")]);
  autoheal?.release();
});

async function get<T>(pathname: string): Promise<T> {
  const response = await wharf.fetch(pathname);
  if (!response.ok) throw new Error(`${pathname} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

async function send<T>(pathname: string, body: unknown = {}) {
  const response = await wharf.fetch(pathname, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

type Failure = { error: { code: string; message: string }; results?: { name: string; message: string }[] };
const historyOf = async (name: string) =>
  (await get<{ entries: HistoryEntry[] }>(`/api/history?host=sierra&container=${name}`)).entries;
const statusOf = async (name: string) =>
  (await get<{ status: AutohealStatus }>(`/api/autoheal/status?host=sierra&container=${name}`)).status;
const startedAt = async (name: string) => (await inspect("sierra", name))[0]!.State.StartedAt;

/** Wharf's row of a container, once it shows the container crashed (it saw the exit). */
const crashedRow = (name: string) =>
  waitFor(
    `Wharf to show ${name} crashed`,
    async () => {
      const { containers } = await get<ContainersResponse>("/api/containers?host=sierra");
      return containers.find((row) => row.name === name && row.attention === "exit");
    },
    60_000,
  );

describe("a swarm task's container on the manager", () => {
  it("is left to the swarm: no restart, start or stop of it, no bulk restart, no auto-heal by a project policy", async () => {
    const project = uniqueName("aswproj");
    const compose = ["com.docker.compose.project", project];
    // One task that fails once and is not replaced: its container stays behind, exited 3, like a failed task.
    const service = uniqueName("asw-task");
    await createService(
      service,
      [
        "--restart-condition",
        "none",
        "--constraint",
        "node.role==manager",
        "--container-label",
        `${compose[0]}=${compose[1]}`,
      ],
      SWARM_IMAGE,
      ["sh", "-c", "exit 3"],
    );
    const task = await waitFor(
      `${service}'s task container`,
      async () =>
        (
          await docker(
            "sierra",
            "ps",
            "-a",
            "--filter",
            `label=com.docker.swarm.service.name=${service}`,
            "--format",
            "{{.Names}}",
          )
        ).split("\n")[0],
      120_000,
    );
    await crashedRow(task);
    const taskStart = await startedAt(task);

    // The same crash in a plain container of the same project: the one Wharf may act on.
    const plain = uniqueName("asw-plain");
    await runContainer(
      "sierra",
      plain,
      ["--label", `${compose[0]}=${compose[1]}`, "--restart", "no"],
      ["sh", "-c", "exit 3"],
    );
    await crashedRow(plain);

    const expected = `${task} on sierra belongs to swarm service ${service}: act on the service`;
    for (const action of ["restart", "start", "stop"]) {
      const refused = await send<Failure>(`/api/containers/sierra/${task}/${action}`);
      expect(refused.status, action).toBe(409);
      expect(refused.body.error.message, action).toContain(expected);
    }

    const bulk = await send<Failure>("/api/actions/restart", {
      containers: [
        { hostId: "sierra", name: task },
        { hostId: "sierra", name: plain },
      ],
    });
    expect(bulk.status).toBe(422);
    expect(bulk.body.results).toEqual([
      expect.objectContaining({ name: task, message: expect.stringContaining(expected) }),
      expect.objectContaining({ name: plain, message: `${plain} on sierra restarted` }),
    ]);
    await crashedRow(plain);

    // A policy for the project on the manager covers both containers' labels; only the plain one is healed.
    const { body } = await send<{ policy: AutohealPolicy }>("/api/autoheal/policies", {
      hostId: "sierra",
      project,
      graceSeconds: 0.2,
    });
    await waitFor(
      `auto-heal to start ${plain}`,
      async () => (await historyOf(plain)).find((e) => e.source === "autoheal" && e.outcome === "succeeded"),
      30_000,
    );
    expect(await statusOf(plain)).toMatchObject({
      policy: { source: "policy", policy: { id: body.policy.id } },
    });
    expect(await statusOf(task)).toMatchObject({ policy: null, state: "off" });
    expect(await historyOf(task)).toEqual([]);
    expect(await startedAt(task)).toBe(taskStart);
  });
});
