// Starts the built Wharf (`next start`) as a child process, the way `npm start` runs it.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "./fleet";

export type RunningServer = { url: string; process: ChildProcess; output: () => string; stop: () => Promise<void> };

export async function startWharf(options: { port: number; fleetConfig: string; dataDir: string }): Promise<RunningServer> {
  if (!existsSync(path.join(repoRoot, ".next/BUILD_ID"))) throw new Error('Wharf is not built: run "npm run build" first');
  const next = path.join(repoRoot, "node_modules/next/dist/bin/next");
  const child = spawn(process.execPath, [next, "start", "--hostname", "127.0.0.1", "--port", String(options.port)], {
    cwd: repoRoot,
    env: { ...process.env, FLEET_CONFIG: options.fleetConfig, DATA_DIR: options.dataDir, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${options.port}`;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Wharf exited at start-up:\n${output}`);
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`Wharf did not answer within 60 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    process: child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
