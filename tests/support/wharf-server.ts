// Starts the built Wharf (`next start`) as a child process, the way `npm start` runs it.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "./fleet";

export type RunningServer = {
  url: string;
  /** An admin API token for this server's tests. */
  token: string;
  process: ChildProcess;
  output: () => string;
  /** fetch with the admin token. */
  fetch: (pathname: string, init?: RequestInit) => Promise<Response>;
  stop: () => Promise<void>;
};

/** Test servers start with this admin (WHARF_ADMIN_PASSWORD creates it on a fresh data dir). */
export const TEST_ADMIN = { username: "admin", password: "integration-admin-password" };

export async function startWharf(options: {
  port: number;
  fleetConfig: string;
  dataDir: string;
  /** Extra environment for this server, e.g. `WHARF_AUTOHEAL_GRACE_MS`. */
  env?: Record<string, string>;
}): Promise<RunningServer> {
  // Checkouts testing side by side on one machine shift their servers' ports apart.
  const port = options.port + Number(process.env.WHARF_PORT_OFFSET ?? 0);
  if (!existsSync(path.join(repoRoot, ".next/BUILD_ID")))
    throw new Error('Wharf is not built: run "npm run build" first');
  const next = path.join(repoRoot, "node_modules/next/dist/bin/next");
  const child = spawn(process.execPath, [next, "start", "--hostname", "127.0.0.1", "--port", String(port)], {
    cwd: repoRoot,
    env: {
      ...process.env,
      FLEET_CONFIG: options.fleetConfig,
      DATA_DIR: options.dataDir,
      NEXT_TELEMETRY_DISABLED: "1",
      WHARF_ADMIN_PASSWORD: TEST_ADMIN.password,
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Wharf exited at start-up:\n${output}`);
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`Wharf did not answer within 60 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const token = await adminToken(url);
  return {
    url,
    token,
    fetch: (pathname, init = {}) =>
      fetch(`${url}${pathname}`, { ...init, headers: { authorization: `Bearer ${token}`, ...init.headers } }),
    process: child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

/** Signs in as the test admin and creates an admin API token, the way an admin would for a script. */
export async function adminToken(url: string): Promise<string> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(TEST_ADMIN),
  });
  if (!login.ok)
    throw new Error(`Signing in as the test admin failed: ${login.status} ${await login.text()}`);
  const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
  const created = await fetch(`${url}/api/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, origin: url },
    body: JSON.stringify({
      name: `tests-${Date.now()}-${Math.random().toString(36).slice(2, 6)}`,
      role: "admin",
    }),
  });
  if (!created.ok)
    throw new Error(`Creating the test token failed: ${created.status} ${await created.text()}`);
  return ((await created.json()) as { token: string }).token;
}
