// Starts the built Wharf as a child process through scripts/start.mjs, exactly as `npm start` runs it: the tests
// exercise the start script's request guard (Host check, the client's socket address) too.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { needsBuild } from "../../scripts/needs-build.mjs";
import { repoRoot } from "./fleet";
import { integrationDialect, portOffset } from "./pass";
import { databaseFor } from "./pass-database";

export type RunningServer = {
  url: string;
  /** An admin API token for this server's tests. */
  token: string;
  /** The PostgreSQL database it runs on; null: SQLite, DATA_DIR/wharf.db. */
  databaseUrl: string | null;
  process: ChildProcess;
  output: () => string;
  /** fetch with the admin token. */
  fetch: (pathname: string, init?: RequestInit) => Promise<Response>;
  stop: () => Promise<void>;
};

const FETCH_BLOCKED_PORTS = new Set([
  1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697,
  10080,
]);

/** Test servers start with this admin (WHARF_ADMIN_PASSWORD creates it on a fresh data dir). */
export const TEST_ADMIN = { username: "admin", password: "integration-admin-password" };

export async function startWharf(options: {
  port: number;
  fleetConfig: string;
  dataDir: string;
  /** Extra environment for the server; `undefined` removes a variable. */
  env?: Record<string, string | undefined>;
  /** false: no admin token is made (`token` is empty), for a server whose sign-in is not there to use. */
  signIn?: boolean;
}): Promise<RunningServer> {
  // Checkouts testing side by side on one machine shift their servers' ports apart.
  const port = options.port + portOffset;
  // fetch() refuses these (the Fetch standard's "bad ports"): a server there would never be seen to answer.
  if (FETCH_BLOCKED_PORTS.has(port))
    throw new Error(
      `Port ${port} (${options.port} + offset ${portOffset}) is one fetch() refuses: pick another`,
    );
  // start.mjs would build by itself, but not within a test's time limit.
  if (needsBuild(repoRoot))
    throw new Error('Wharf\'s build is missing or older than its sources: run "npm run build" first');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    WHARF_HOSTNAME: "127.0.0.1",
    FLEET_CONFIG: options.fleetConfig,
    DATA_DIR: options.dataDir,
    NEXT_TELEMETRY_DISABLED: "1",
    WHARF_ADMIN_PASSWORD: TEST_ADMIN.password,
    // Auto-heal acts on every labelled container of the engines it watches, the other pass's too: only the files
    // that test it turn it on, under the lock they share (tests/support/engine-locks.ts).
    WHARF_AUTOHEAL: "off",
    // The pass decides the dialect (below), not a DATABASE_URL the shell happens to have.
    DATABASE_URL: undefined,
    ...options.env,
  };
  if (integrationDialect === "postgres" && !(options.env && "DATABASE_URL" in options.env))
    env.DATABASE_URL = await databaseFor(options.dataDir);
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete env[name];
  const child = spawn(process.execPath, [path.join(repoRoot, "scripts/start.mjs")], {
    cwd: repoRoot,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let token: string;
  try {
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`Wharf exited at start-up:\n${output}`);
      const ok = await fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      // "Ready": the answer came from this child, not from another server left on the same port.
      if (ok && output.includes("Ready in")) break;
      if (Date.now() > deadline) throw new Error(`Wharf did not answer within 60 s:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    // Behind WHARF_PUBLIC_URL, Wharf's pages are those at the public origin.
    token = options.signIn === false ? "" : await adminToken(url, options.env?.WHARF_PUBLIC_URL ?? url);
  } catch (error) {
    // A server that started but failed a later step must not outlive the test run.
    if (child.exitCode === null) child.kill("SIGTERM");
    await exited;
    throw error;
  }
  return {
    url,
    token,
    databaseUrl: env.DATABASE_URL || null,
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
export async function adminToken(url: string, origin = url): Promise<string> {
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
    headers: { "content-type": "application/json", cookie, origin },
    body: JSON.stringify({
      name: `tests-${Date.now()}-${Math.random().toString(36).slice(2, 6)}`,
      role: "admin",
    }),
  });
  if (!created.ok)
    throw new Error(`Creating the test token failed: ${created.status} ${await created.text()}`);
  return ((await created.json()) as { token: string }).token;
}
