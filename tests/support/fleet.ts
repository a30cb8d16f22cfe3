// Test helpers that drive the real engines of the dev fleet (scripts/fleet-up.sh) through the docker CLI,
// independently of Wharf's own code, so the API can be checked against what the engines say.
import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { passSuffix } from "./pass";

const run = promisify(execFile);

export const repoRoot = path.resolve(__dirname, "../..");
export const fleetFile = path.join(repoRoot, ".fleet/hosts.json");
export const runDir = process.env.WHARF_FLEET_RUN ?? "/run/wharf-fleet";
/** The standalone engines; the swarm's two nodes are apart, since their containers are the swarm's to place. */
export const engines = ["alpha", "bravo", "charlie"] as const;
export const swarmEngines = ["sierra", "tango"] as const;
/** The event-storm test's engine of its own, in no hosts file (scripts/fleet-lib.sh says why). */
export const stormEngine = "storm";
export type Engine = (typeof engines)[number] | (typeof swarmEngines)[number] | typeof stormEngine;
export const TEST_LABEL = "wharf.test";
// Several checkouts, and the two passes of one (SQLite, PostgreSQL), can test against the same engines at once;
// each labels (and cleans up, and counts) only its own.
export const TEST_RUN = `${process.env.WHARF_TEST_RUN ?? "1"}${passSuffix}`;

export function readFleetFile(): { hosts: { id: string; url: string }[] } {
  if (!existsSync(fleetFile)) throw new Error(`${fleetFile} is missing: run "npm run fleet:up" first`);
  return JSON.parse(readFileSync(fleetFile, "utf8"));
}

/** Runs the docker CLI against one engine of the fleet, through its unix socket. */
export async function docker(engine: Engine, ...args: string[]): Promise<string> {
  return dockerWith({}, engine, args);
}

async function dockerWith(
  options: { timeout?: number; killSignal?: NodeJS.Signals },
  engine: Engine,
  args: string[],
): Promise<string> {
  const { stdout } = await run("docker", ["-H", `unix://${runDir}/${engine}.sock`, ...args], {
    maxBuffer: 64 * 1024 * 1024,
    ...options,
  });
  return stdout.trim();
}

export type Inspect = {
  Id: string;
  Name: string;
  Created: string;
  Image: string;
  RestartCount: number;
  State: {
    Status: string;
    Running: boolean;
    ExitCode: number;
    OOMKilled: boolean;
    StartedAt: string;
    FinishedAt: string;
    Restarting: boolean;
    Health?: { Status: string; Log?: { Output: string }[] };
  };
  Config: {
    Image: string;
    Labels: Record<string, string> | null;
    Env: string[];
    Cmd: string[] | null;
    Entrypoint: string[] | null;
  };
  HostConfig: { NetworkMode: string; RestartPolicy: { Name: string; MaximumRetryCount: number } };
  Mounts: { Type: string; Name?: string; Destination: string }[];
};

export async function inspect(engine: Engine, ...ids: string[]): Promise<Inspect[]> {
  if (ids.length === 0) return [];
  return JSON.parse(await docker(engine, "inspect", ...ids));
}

export async function allInspected(engine: Engine): Promise<Inspect[]> {
  const ids = (await docker(engine, "ps", "-aq", "--no-trunc")).split("\n").filter(Boolean);
  return inspect(engine, ...ids);
}

// Debian's containerd 1.6.20 (runc 1.1.5) now and then never finishes a container's start: its shim logs
// "starting signal loop", nothing follows, and `docker run` waits while the engine answers everything else. Seen in
// full runs twice: once as a storm of exits met the start (the engine never recovered), once as the previous
// test's container was being removed (it recovered after 60 s, as the test timed out). A start on a loaded engine
// takes seconds; one that has not returned by this has hung.
const START_HANG_MS = 25_000;

/** Creates a container with networking off (the rule on these machines) and a label for clean-up. */
export async function runContainer(
  engine: Engine,
  name: string,
  options: string[],
  command: string[],
  image = "localhost/busybox:1",
): Promise<string> {
  const args = [
    "run",
    "-d",
    "--name",
    name,
    "--network",
    "none",
    "--label",
    `${TEST_LABEL}=${TEST_RUN}`,
    ...options,
    image,
    ...command,
  ];
  try {
    // SIGKILL: the CLI waiting on a start does not end on SIGTERM.
    return await dockerWith({ timeout: START_HANG_MS, killSignal: "SIGKILL" }, engine, args);
  } catch (error) {
    if (!(error as { killed?: boolean }).killed) throw error;
  }
  // The engine's bug, not what the test is about: its shim is killed, which ends the hung start with an error,
  // and the container is run once more. A start that hangs twice fails the test.
  const killed = await killShimOf(engine, name);
  console.warn(
    `[fleet] ${engine}: the start of ${name} hung for ${START_HANG_MS / 1000} s inside containerd; ` +
      `killed its shim (${killed.join(", ") || "none found"}) and running it again`,
  );
  await docker(engine, "rm", "-f", name).catch(() => "");
  return docker(engine, ...args);
}

/** Kills the containerd shim of `name` on `engine` (found by its `-id` in /proc), and says which pids. */
async function killShimOf(engine: Engine, name: string): Promise<number[]> {
  // The list, not an inspect: an inspect waits for the container's lock, which the hung start holds.
  const id = await docker(engine, "ps", "-aq", "--no-trunc", "--filter", `name=^/${name}$`);
  if (!id) return [];
  const killed: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let argv: string[];
    try {
      argv = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0");
    } catch {
      continue;
    }
    const at = argv.indexOf("-id");
    if (!argv[0]?.includes("containerd-shim") || at < 0 || argv[at + 1] !== id) continue;
    if (!argv.some((arg) => arg.startsWith(`${runDir}/${engine}.exec/`))) continue;
    process.kill(Number(entry), "SIGKILL");
    killed.push(Number(entry));
  }
  return killed;
}

export async function removeTestContainers(engine: Engine): Promise<void> {
  const ids = (await docker(engine, "ps", "-aq", "--filter", `label=${TEST_LABEL}=${TEST_RUN}`))
    .split("\n")
    .filter(Boolean);
  if (ids.length > 0) await docker(engine, "rm", "-f", "-v", ...ids);
}

/**
 * Waits for a condition the engine reaches on its own (a health check failing, a backoff growing). The loop
 * watches the engine, bounded by a deadline; it never sleeps a fixed time and hopes.
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let delay = 50;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, 500);
  }
}

/**
 * `docker pause`, retried while the kernel's freezer refuses ("unable to freeze"): it can, for a moment, while
 * the container's processes fork. The tests that pause want a paused container, not to test the freezer.
 */
export async function pause(engine: Engine, name: string): Promise<void> {
  await waitFor(`${name} to pause`, () =>
    docker(engine, "pause", name).then(
      () => true,
      (error: Error) => {
        if (!/unable to freeze/.test(error.message)) throw error;
        return false;
      },
    ),
  );
}

export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}
