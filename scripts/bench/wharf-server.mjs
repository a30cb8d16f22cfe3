// Starts a Wharf server of the bench's own (own port, own DATA_DIR) the way users do, `node scripts/start.mjs`,
// but from the bench's private copy of the build (build-snapshot.mjs). Stopped again by its pid.
import { spawn } from "node:child_process";
import { createWriteStream, mkdirSync, rmSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { signIn } from "./auth.mjs";
import { commandOf, memoryOf, processTree, alive } from "./proc.mjs";
import { nowMs, sleep, waitFor } from "./log.mjs";

export async function freePort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Starts the server process and returns at once, before it answers: the large mode times from this moment.
 * `dataDir` is kept as it is (a restart of the same Wharf); startWharf below starts from a fresh one.
 */
export async function spawnWharf({ app, fleetConfig, dataDir, logFile, profileDir, cpu, env: extra = {} }) {
  const port = await freePort();
  const out = createWriteStream(logFile);
  const env = {
    ...process.env,
    PORT: String(port),
    WHARF_HOSTNAME: "127.0.0.1",
    FLEET_CONFIG: fleetConfig,
    DATA_DIR: dataDir,
    NEXT_TELEMETRY_DISABLED: "1",
    // P7 sends one channel about 60 alerts in a few minutes; at the default 20 per 10 minutes most would wait
    // for a digest, and the phase times the alerts themselves, not the rate limit.
    WHARF_ALERT_RATE_LIMIT: "1000/600",
    // P7's receiver listens on loopback, which alerts may reach only when the configuration says so.
    WHARF_ALERT_ALLOW_HOSTS: "127.0.0.1",
    // A replica of several (p10-replica-set.mjs): its DATABASE_URL, name and first admin.
    ...extra,
  };
  // Node refuses --cpu-prof in NODE_OPTIONS, so a profiled run passes it to node itself. Still through the start
  // script, which runs Next in its own process: without it the request guard is missing and Next gzips again every
  // body Wharf compressed ahead of time, work a real server never does (1.2 s of the 17 s busy in a one-minute soak).
  const profile = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
  const args = [...profile, path.join(app, "scripts/start.mjs")];
  const spawnedAt = nowMs();
  // `cpu`: the one core it may use (taskset execs node in its place, and Next's own process inherits it).
  const [command, argv] =
    cpu === undefined
      ? [process.execPath, args]
      : ["taskset", ["-c", String(cpu), process.execPath, ...args]];
  const child = spawn(command, argv, { cwd: app, env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  const url = `http://127.0.0.1:${port}`;
  // `headers` and `cookie`: the bench's session, filled in by signIn once the server answers.
  return { url, port, pid: child.pid, logFile, dataDir, child, spawnedAt, headers: {}, cookie: null };
}

/**
 * `app`: the copy made by snapshotBuild, holding start.mjs and a complete .next. `profileDir`: when set, the
 * server runs with --cpu-prof and writes a .cpuprofile there on exit, for when a figure misses its goal and the
 * question is where the time went (BENCH_CPU_PROF=1).
 */
export async function startWharf({ root, app, fleetConfig, benchDir, profileDir, dataName = "data", env }) {
  const dataDir = path.join(benchDir, dataName);
  // A fresh data dir each run: incidents from earlier runs would otherwise ride along in every snapshot.
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const logFile = path.join(benchDir, "wharf.log");
  const server = await spawnWharf({ app, fleetConfig, dataDir, logFile, profileDir, env });
  const { child, url } = server;

  try {
    // Generous: on a loaded 2-core machine a cold `next start` can take a while.
    await waitFor(
      "Wharf to answer /api/health",
      async () => {
        if (child.exitCode !== null) throw new Error(`Wharf exited with ${child.exitCode}; see ${logFile}`);
        return (await fetch(`${url}/api/health`).catch(() => null))?.ok;
      },
      { timeoutMs: 120_000, everyMs: 250 },
    );
    Object.assign(server, await signIn({ server, root, dataDir }));
    await waitFor(
      "every host to be read",
      async () => {
        const body = await getJson(server, "/api/hosts");
        return body.hosts.every((host) => host.status === "up");
      },
      { timeoutMs: 60_000, everyMs: 250 },
    );
  } catch (error) {
    await stopWharf(server);
    throw error;
  }
  return server;
}

/** GET on the bench's own Wharf, signed in; the parsed JSON. */
export async function getJson(server, pathAndQuery) {
  const res = await fetch(`${server.url}${pathAndQuery}`, { headers: server.headers });
  if (!res.ok) throw new Error(`GET ${pathAndQuery} → ${res.status} ${(await res.text()).slice(0, 200)}`);
  return res.json();
}

/** Every process of this Wharf server (the start.mjs launcher and the next-server it runs), with their RSS. */
export function wharfProcesses(server) {
  return processTree(server.pid).map((pid) => ({ pid, command: commandOf(pid), ...memoryOf(pid) }));
}

export async function stopWharf(server) {
  const pids = processTree(server.pid);
  // start.mjs forwards SIGTERM to next-server; SIGKILL by pid only if something outlives that.
  try {
    process.kill(server.pid, "SIGTERM");
  } catch {}
  for (let i = 0; i < 50 && pids.some(alive); i++) await sleep(100);
  for (const pid of pids.filter(alive)) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {}
  }
}
