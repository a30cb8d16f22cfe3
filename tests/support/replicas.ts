// Several Wharf replicas on one PostgreSQL database behind HAProxy, as docs/replicas.md runs them: each started as
// `npm start` runs it (startWharf), HAProxy checking /api/health and keeping event streams open.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { freshPostgresUrl } from "./fresh-postgres";
import { fleetFile } from "./fleet";
import { startWharf, type RunningServer } from "./wharf-server";

export type Replica = RunningServer & { name: string };
export type Health = { status: string; replica: string; role: "recorder" | "follower"; database: string };

export type ReplicaSet = {
  replicas: Replica[];
  /** HAProxy's address: any request may land on any replica that answers its health check. */
  url: string;
  databaseUrl: string;
  health: (replica: Replica) => Promise<Health | null>;
  /** The replicas (alive) that say they are the recorder. */
  recorders: () => Promise<Replica[]>;
  /** kill -9: no shutdown of any kind, as a crashed machine. */
  kill: (replica: Replica) => Promise<void>;
  stop: () => Promise<void>;
};

/**
 * `count` replicas (ports `basePort`…, shifted by the pass's port offset like every test server) on a fresh database
 * of the test PostgreSQL server (WHARF_TEST_DATABASE_URL), with HAProxy in front on a port of its own.
 */
export async function startReplicas(options: {
  count: number;
  basePort: number;
  env?: Record<string, string | undefined>;
  signIn?: boolean;
  /** The fleet file the replicas watch (the whole dev fleet by default). */
  fleetConfig?: string;
}): Promise<ReplicaSet> {
  const server = process.env.WHARF_TEST_DATABASE_URL;
  if (!server) throw new Error("WHARF_TEST_DATABASE_URL is not set: run scripts/ensure-postgres.sh");
  const database = await freshPostgresUrl(server);
  const dir = mkdtempSync(path.join(os.tmpdir(), "wharf-hav-replicas-"));
  const replicas: Replica[] = [];
  let haproxy: ChildProcess | null = null;
  const stop = async () => {
    if (haproxy && haproxy.exitCode === null) {
      const exited = new Promise((resolve) => haproxy!.once("exit", resolve));
      haproxy.kill("SIGTERM");
      await exited;
    }
    await Promise.all(replicas.map((replica) => replica.stop()));
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    // Every replica answers to the address users reach it by, HAProxy's (its Host check, its Origin check).
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    // One after another: the first migrates the database, and a start is a heavy thing on a two-core machine.
    for (let i = 0; i < options.count; i++) {
      const name = `hav-replica-${i + 1}`;
      const started = await startWharf({
        port: options.basePort + i,
        fleetConfig: options.fleetConfig ?? fleetFile,
        dataDir: path.join(dir, name),
        signIn: options.signIn,
        env: { DATABASE_URL: database.url, WHARF_REPLICA_NAME: name, WHARF_PUBLIC_URL: url, ...options.env },
      });
      replicas.push({ ...started, name });
    }
    const config = path.join(dir, "haproxy.cfg");
    writeFileSync(config, haproxyConfig(port, replicas));
    const check = spawnSync("haproxy", ["-c", "-f", config], { encoding: "utf8" });
    if (check.error) throw new Error("HAProxy is missing: apt-get install -y haproxy");
    if (check.status !== 0)
      throw new Error(`HAProxy refused its configuration:\n${check.stdout}${check.stderr}`);
    haproxy = spawn("haproxy", ["-db", "-f", config], { stdio: ["ignore", "pipe", "pipe"] });
    let said = "";
    haproxy.stdout!.on("data", (chunk) => (said += chunk));
    haproxy.stderr!.on("data", (chunk) => (said += chunk));
    await waitFor(
      async () => (await fetch(`${url}/api/health`).catch(() => null))?.ok === true,
      () => `HAProxy:\n${said}`,
    );
    const health = async (replica: Replica) => {
      const answer = await fetch(`${replica.url}/api/health`).catch(() => null);
      return answer?.ok ? ((await answer.json()) as Health) : null;
    };
    return {
      replicas,
      url,
      databaseUrl: database.url,
      health,
      recorders: async () => {
        const alive = replicas.filter(isAlive);
        const roles = await Promise.all(alive.map(health));
        return alive.filter((_, i) => roles[i]?.role === "recorder");
      },
      kill: async (replica) => {
        const exited = new Promise((resolve) => replica.process.once("exit", resolve));
        replica.process.kill("SIGKILL");
        await exited;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Not exited: a process killed by a signal has no exit code, only a signal code. */
export const isAlive = (replica: Replica) =>
  replica.process.exitCode === null && replica.process.signalCode === null;

function haproxyConfig(port: number, replicas: Replica[]): string {
  return [
    "global",
    "  maxconn 4000",
    "defaults",
    "  mode http",
    "  timeout connect 2s",
    // A replica that died between two health checks: the request goes to another instead of failing.
    "  option redispatch",
    "  retries 2",
    "  timeout client 1h",
    "  timeout server 1h",
    // Event streams stay open for as long as a page does.
    "  timeout tunnel 1h",
    "frontend wharf",
    `  bind 127.0.0.1:${port}`,
    "  default_backend replicas",
    "backend replicas",
    "  balance roundrobin",
    "  option httpchk GET /api/health",
    // Wharf answers only to its own address: the check names it as users' requests do.
    `  http-check send ver HTTP/1.1 hdr Host 127.0.0.1:${port}`,
    "  default-server inter 500ms fall 2 rise 1",
    // Which replica answered: a test that kills the one serving a page's stream finds it by this.
    "  http-response set-header x-served-by %s",
    ...replicas.map((replica) => `  server ${replica.name} ${new URL(replica.url).host} check`),
    "",
  ].join("\n");
}

/** A port nothing listens on, found the ephemeral way (HAProxy cannot be asked to bind port 0 and say which). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function waitFor(ready: () => Promise<boolean>, what: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error(`did not answer within 15 s: ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
