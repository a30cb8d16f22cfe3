// Several Wharf replicas on one PostgreSQL database, for P10 (failover) and P11 (fan-out), issue 25: each the
// bench's private build copy started as users start it, on a throwaway cluster of the bench's own
// (scripts/ensure-postgres.sh on BENCH_PG_PORT, stopped and removed at the end). No balancer: the bench talks to
// each replica directly, so what it times is Wharf's, not HAProxy's.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { assertPortFree, PORT } from "./p5-postgres.mjs";
import { alive, processTree } from "./proc.mjs";
import { sleep, waitFor } from "./log.mjs";
import { spawnWharf, stopWharf, wharfProcesses } from "./wharf-server.mjs";

const DATABASE = "wharf_bench_replicas";
const ADMIN = { username: "admin", password: randomBytes(18).toString("base64url") };

export async function startReplicaSet({ root, app, fleetConfig, benchDir, log }) {
  const script = (name, ...args) =>
    execFileSync("bash", [path.join(root, "scripts", name), ...args], { encoding: "utf8" }).trim();
  assertPortFree();
  log(`replicas: a throwaway PostgreSQL on 127.0.0.1:${PORT} (scripts/ensure-postgres.sh)`);
  const server = script("ensure-postgres.sh", String(PORT));
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE}`);
  await admin.query(`CREATE DATABASE ${DATABASE}`);
  const url = new URL(server);
  url.pathname = `/${DATABASE}`;
  const dir = path.join(benchDir, "replicas");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const replicas = new Map();
  let starts = 0;
  const set = {
    headers: {},
    /**
     * Starts (or starts again, on its own data folder) the replica called `name`; resolves once it answers.
     * `cpu`: pinned to that core, as if it had a machine of its own (P11).
     */
    async start(name, cpu) {
      const dataDir = path.join(dir, name);
      mkdirSync(dataDir, { recursive: true });
      const replica = await spawnWharf({
        app,
        fleetConfig,
        dataDir,
        logFile: path.join(dir, `${name}-${++starts}.log`),
        cpu,
        env: {
          DATABASE_URL: url.toString(),
          WHARF_REPLICA_NAME: name,
          WHARF_ADMIN_PASSWORD: ADMIN.password,
        },
      });
      replica.name = name;
      replicas.set(name, replica);
      await waitFor(
        `replica ${name} to answer /api/health`,
        async () => {
          if (replica.child.exitCode !== null) throw new Error(`${name} exited; see ${replica.logFile}`);
          return (await fetch(`${replica.url}/api/health`).catch(() => null))?.ok;
        },
        { timeoutMs: 120_000, everyMs: 100 },
      );
      if (!set.headers.cookie) set.headers = await signIn(replica.url);
      return replica;
    },
    alive: () => [...replicas.values()].filter((replica) => replica.child.exitCode === null),
    async health(replica) {
      const answer = await fetch(`${replica.url}/api/health`).catch(() => null);
      return answer?.ok ? answer.json() : null;
    },
    /** The replicas alive that say they hold the lease. */
    async recorders() {
      const alive = set.alive();
      const roles = await Promise.all(alive.map(set.health));
      return alive.filter((_, i) => roles[i]?.role === "recorder");
    },
    /** kill -9 of every process of the replica: no shutdown of any kind, as a machine that died. */
    async kill(replica) {
      const pids = processTree(replica.pid);
      for (const pid of pids) {
        try {
          process.kill(pid, "SIGKILL");
        } catch {}
      }
      while (pids.some(alive)) await sleep(10);
    },
    stopOne: (replica) => stopWharf(replica),
    /** VmRSS of the replica's processes, summed, in MB. */
    rssMb: (replica) => wharfProcesses(replica).reduce((sum, p) => sum + p.rssMb, 0),
    async stop() {
      await Promise.all([...replicas.values()].map((replica) => stopWharf(replica)));
      await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`).catch(() => {});
      await admin.end();
      log(script("stop-postgres.sh", String(PORT), "--purge"));
    },
  };
  return set;
}

/** The first start made the admin (WHARF_ADMIN_PASSWORD); its session is good on every replica. */
async function signIn(url) {
  const answer = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(ADMIN),
  });
  const cookie = answer.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => c.startsWith("wharf_session="));
  if (!answer.ok || !cookie) throw new Error(`signing in on ${url} failed: ${answer.status}`);
  return { cookie };
}
