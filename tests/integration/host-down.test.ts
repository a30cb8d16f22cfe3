import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, expect, it } from "vitest";
import type { ContainersResponse, HostsResponse } from "@/lib/fleet/types";
import { api } from "../support/api";
import { repoRoot, runDir, waitFor } from "../support/fleet";

const run = promisify(execFile);
const restartFleet = () => run("bash", [path.join(repoRoot, "scripts/fleet-up.sh")]);

// Whatever happens in the test, bravo must be running again for the suites after this one.
afterAll(restartFleet, 120_000);

it("an engine whose process stops turns its host down without touching the others, and comes back", async () => {
  const pid = Number(readFileSync(path.join(runDir, "bravo.pid"), "utf8").trim());
  process.kill(pid, "SIGTERM");
  await waitFor("bravo's dockerd to exit", async () => !isAlive(pid), 30_000);

  const hosts = await api<HostsResponse>("/api/hosts");
  const byId = Object.fromEntries(hosts.body.hosts.map((h) => [h.id, h]));
  expect(byId.bravo).toMatchObject({ status: "down", engineVersion: null });
  expect(byId.bravo?.error).toMatch(/ECONNREFUSED/);
  expect(byId.alpha?.status).toBe("up");
  expect(byId.charlie?.status).toBe("up");

  const containers = await api<ContainersResponse>("/api/containers");
  expect(containers.status).toBe(200);
  expect(containers.body.containers.some((c) => c.hostId === "bravo")).toBe(false);
  expect(containers.body.hosts.find((h) => h.id === "bravo")?.status).toBe("down");

  await restartFleet();
  const back = await api<HostsResponse>("/api/hosts");
  expect(back.body.hosts.find((h) => h.id === "bravo")).toMatchObject({ status: "up", error: null });
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
