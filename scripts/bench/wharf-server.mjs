// Starts a Wharf server of the bench's own (own port, own DATA_DIR) the way users do, `node scripts/start.mjs`,
// which also builds when the sources changed. Stopped again by its pid.
import { spawn } from "node:child_process";
import { createWriteStream, mkdirSync, rmSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { commandOf, memoryOf, processTree, alive } from "./proc.mjs";
import { log, sleep, waitFor } from "./log.mjs";

export async function freePort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * `profileDir`: when set, the server runs with --cpu-prof and writes a .cpuprofile there on exit, for when a
 * figure misses its goal and the question is where the time went.
 */
export async function startWharf({ root, fleetConfig, benchDir, profileDir }) {
  const port = await freePort();
  const dataDir = path.join(benchDir, "data");
  // A fresh data dir each run: incidents from earlier runs would otherwise ride along in every snapshot.
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const logFile = path.join(benchDir, "wharf.log");
  const out = createWriteStream(logFile);
  const env = { ...process.env, PORT: String(port), HOSTNAME: "127.0.0.1", FLEET_CONFIG: fleetConfig, DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: "1" };
  if (profileDir) env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ""} --cpu-prof --cpu-prof-dir=${profileDir}`.trim();
  const child = spawn(process.execPath, [path.join(root, "scripts/start.mjs")], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.on("data", (chunk) => {
    out.write(chunk);
    if (String(chunk).includes("building")) log("wharf: sources changed since the last build, building (see .fleet/bench/wharf.log)…");
  });
  child.stderr.pipe(out);
  const url = `http://127.0.0.1:${port}`;
  const server = { url, port, pid: child.pid, logFile, child };

  try {
    // Generous: the first start may include a full `next build` on 2 cores.
    await waitFor("Wharf to answer /api/health", async () => {
      if (child.exitCode !== null) throw new Error(`Wharf exited with ${child.exitCode}; see ${logFile}`);
      return (await fetch(`${url}/api/health`).catch(() => null))?.ok;
    }, { timeoutMs: 300_000, everyMs: 250 });
    await waitFor("every host to be read", async () => {
      const body = await (await fetch(`${url}/api/hosts`)).json();
      return body.hosts.every((host) => host.status === "up");
    }, { timeoutMs: 60_000, everyMs: 250 });
  } catch (error) {
    await stopWharf(server);
    throw error;
  }
  return server;
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
