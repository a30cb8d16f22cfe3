import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import type { ContainersResponse, HostsResponse } from "@/lib/fleet/types";
import { api } from "../support/api";
import { acquire, type Held } from "../support/engine-locks";
import { docker, repoRoot, runContainer, runDir, uniqueName, waitFor } from "../support/fleet";

const run = promisify(execFile);
const restartFleet = () => run("bash", [path.join(repoRoot, "scripts/fleet-up.sh")]);

// Bravo stops here: the other pass's tests (scripts/test.sh runs two at once) must not be using it.
let fleet: Held | undefined;
beforeAll(async () => {
  fleet = await acquire("fleet", "exclusive");
}, 600_000);

// Whatever happens in the test, bravo must be running again for the suites after this one.
afterAll(async () => {
  try {
    await restartFleet();
    await docker("bravo", "rm", "-f", ...survivors).catch(() => "");
  } finally {
    fleet?.release();
  }
}, 120_000);
const survivors: string[] = [];

it("an engine whose process stops turns its host down without touching the others, and comes back", async () => {
  const name = uniqueName("it-survivor");
  survivors.push(name);
  await runContainer("bravo", name, [], ["sh", "-c", "trap 'exit 0' TERM; while :; do sleep 1; done"]);
  await vi.waitFor(async () => {
    const { body } = await api<ContainersResponse>(`/api/containers?host=bravo&q=${name}`);
    expect(body.containers.map((c) => c.name)).toEqual([name]);
  });
  const pid = Number(readFileSync(path.join(runDir, "bravo.pid"), "utf8").trim());
  process.kill(pid, "SIGTERM");
  await waitFor("bravo's dockerd to exit", async () => !isAlive(pid), 30_000);

  // The event stream breaks with the engine; the host turns down from that (bench measures how fast).
  let byId: Record<string, HostsResponse["hosts"][number]> = {};
  await vi.waitFor(
    async () => {
      const hosts = await api<HostsResponse>("/api/hosts");
      byId = Object.fromEntries(hosts.body.hosts.map((h) => [h.id, h]));
      expect(byId.bravo).toMatchObject({ status: "down", engineVersion: null });
    },
    { timeout: 10_000, interval: 100 },
  );
  expect(byId.bravo?.error).toMatch(/ECONNREFUSED/);
  expect(byId.alpha?.status).toBe("up");
  expect(byId.charlie?.status).toBe("up");

  // Its containers stay listed, marked stale (last state known), rather than vanishing.
  const containers = await api<ContainersResponse>("/api/containers");
  expect(containers.status).toBe(200);
  // Others' containers may come and go on the shared engine meanwhile: count on this test's own row.
  const bravoRows = containers.body.containers.filter((c) => c.hostId === "bravo");
  // (dockerd stops its containers as it shuts down: the row's last state may be running or exited.)
  expect(bravoRows.find((c) => c.name === name)).toMatchObject({ stale: true });
  expect(bravoRows.every((c) => c.stale)).toBe(true);
  expect(containers.body.containers.filter((c) => c.hostId !== "bravo").every((c) => !c.stale)).toBe(true);
  expect(containers.body.hosts.find((h) => h.id === "bravo")?.status).toBe("down");

  await restartFleet();
  await vi.waitFor(
    async () => {
      const back = await api<HostsResponse>("/api/hosts");
      expect(back.body.hosts.find((h) => h.id === "bravo")).toMatchObject({ status: "up", error: null });
    },
    { timeout: 15_000, interval: 200 },
  );
  const after = await api<ContainersResponse>("/api/containers?host=bravo");
  expect(after.body.containers.every((c) => !c.stale)).toBe(true);
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
