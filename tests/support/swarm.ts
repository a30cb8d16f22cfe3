// Swarm helpers for tests on the dev fleet's two-node swarm (manager sierra, worker tango), driven by the docker
// CLI independently of Wharf. Services carry the test label so each run removes only its own.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { docker, repoRoot, runDir, TEST_LABEL, TEST_RUN, waitFor } from "./fleet";

const run = promisify(execFile);
/** The busybox image as swarm nodes pull it (scripts/fleet-up.sh pushes it to the loopback registry). */
export const SWARM_IMAGE = "127.0.0.1:5000/wharf/busybox:1";
export const FOREVER = ["sh", "-c", "trap 'exit 0' TERM; while :; do sleep 1; done"];

/** `docker service create` on the manager, labelled for clean-up; services name no network (none is allowed). */
export async function createService(name: string, options: string[], image: string, command: string[] = []) {
  return docker(
    "sierra",
    "service",
    "create",
    "--detach",
    "--quiet",
    "--name",
    name,
    "--label",
    `${TEST_LABEL}=${TEST_RUN}`,
    "--container-label",
    `${TEST_LABEL}=${TEST_RUN}`,
    ...options,
    image,
    ...command,
  );
}

export async function removeTestServices(): Promise<void> {
  const ids = (await docker("sierra", "service", "ls", "-q", "--filter", `label=${TEST_LABEL}=${TEST_RUN}`))
    .split("\n")
    .filter(Boolean);
  if (ids.length > 0) await docker("sierra", "service", "rm", ...ids);
}

/** `docker service ls`'s REPLICAS column for one service, as `running/desired`. */
export async function cliReplicas(name: string): Promise<string> {
  return docker(
    "sierra",
    "service",
    "ls",
    "--filter",
    `name=${name}`,
    "--format",
    "{{.Name}} {{.Replicas}}",
  ).then(
    (out) =>
      out
        .split("\n")
        .find((line) => line.startsWith(`${name} `))
        ?.split(" ")[1] ?? "",
  );
}

export async function waitForReplicas(name: string, replicas: string, timeoutMs = 120_000): Promise<void> {
  await waitFor(`${name} at ${replicas}`, async () => (await cliReplicas(name)) === replicas, timeoutMs);
}

function pidOf(engine: string): number | null {
  try {
    const pid = Number(readFileSync(path.join(runDir, `${engine}.pid`), "utf8").trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Stops the worker's engine by the pid in its pid file, and waits until it is gone. */
export async function stopWorker(): Promise<void> {
  const pid = pidOf("tango");
  if (pid === null || !alive(pid)) throw new Error("tango's dockerd is not running");
  process.kill(pid, "SIGTERM");
  await waitFor("tango's dockerd to exit", async () => !alive(pid), 90_000);
}

/** Starts whatever part of the fleet is down (the worker), as a developer would: scripts/fleet-up.sh. */
export async function ensureFleetUp(): Promise<void> {
  const pid = pidOf("tango");
  if (pid !== null && alive(pid)) return;
  await run("bash", [path.join(repoRoot, "scripts/fleet-up.sh")], { maxBuffer: 16 * 1024 * 1024 });
}
