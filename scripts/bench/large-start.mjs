// The large mode's measures of a start: a Wharf process spawned against the 20-engine fleet, timed until its
// host list counts every container the engines hold, next to reading every engine's list directly.
import { readFileSync } from "node:fs";
import { listContainers } from "./engine-api.mjs";
import { nowMs, sleep } from "./log.mjs";
import { spawnWharf, stopWharf } from "./wharf-server.mjs";

const POLL_MS = 20;
const START_TIMEOUT_MS = 180_000;

/** Every engine's `GET /containers/json?all=1` at once, parsed: the plain client's time to the whole fleet. */
export async function directLists(engines) {
  const started = nowMs();
  const lists = await Promise.all(engines.map((eng) => listContainers(eng)));
  const ms = nowMs() - started;
  return { ms, counts: Object.fromEntries(engines.map((eng, i) => [eng.id, lists[i].length])) };
}

/** One poll of /api/hosts: null while the server does not answer yet. */
async function hosts(url, headers) {
  try {
    const res = await fetch(`${url}/api/hosts`, { headers });
    if (!res.ok) return null;
    return (await res.json()).hosts;
  } catch {
    return null;
  }
}

/**
 * Spawns a Wharf on `dataDir` (kept from the sign-in start, so the session cookie in `headers` holds) and
 * polls `/api/hosts` until every host in `counts` is up with that many containers (the engines' own counts,
 * read just before). `frozen`: a host that must be reported down meanwhile, never waited for; the time it was
 * first seen down is returned. Leaves the server running: the caller measures more on it, then stops it.
 */
export async function timeStart({
  app,
  fleetConfig,
  dataDir,
  logFile,
  headers,
  counts,
  frozen = null,
  profileDir,
}) {
  const server = await spawnWharf({ app, fleetConfig, dataDir, logFile, profileDir });
  server.headers = headers;
  const spawnedAt = server.spawnedAt;
  let answeredMs = null;
  let frozenDown = null;
  // When each host was first seen up with all its containers: the slowest one names where a start's time went.
  const listedAt = {};
  try {
    for (;;) {
      if (server.child.exitCode !== null)
        throw new Error(`Wharf exited with ${server.child.exitCode}; see ${logFile}`);
      if (nowMs() - spawnedAt > START_TIMEOUT_MS)
        throw new Error(
          `Wharf did not list every container within ${START_TIMEOUT_MS / 1000} s; see ${logFile}`,
        );
      const list = await hosts(server.url, headers);
      const at = nowMs() - spawnedAt;
      if (list) {
        answeredMs ??= at;
        const byId = new Map(list.map((host) => [host.id, host]));
        const down = frozen ? byId.get(frozen) : null;
        if (down && down.status === "down" && !frozenDown) frozenDown = { ms: at, error: down.error };
        for (const [id, total] of Object.entries(counts)) {
          const host = byId.get(id);
          if (!(id in listedAt) && host?.status === "up" && host.counts.total >= total) listedAt[id] = at;
        }
        const complete = Object.keys(counts).every((id) => id in listedAt);
        if (complete && (!frozen || frozenDown)) {
          const [slowest, slowestMs] = Object.entries(listedAt).sort((a, b) => b[1] - a[1])[0];
          return { server, ms: at, answeredMs, frozenDown, slowest: { id: slowest, ms: slowestMs } };
        }
      }
      await sleep(POLL_MS);
    }
  } catch (error) {
    await stopWharf(server);
    throw error;
  }
}

/** The pid of an engine's dockerd, from its pid file, checked against its command line like fleet-lib.sh does. */
export function enginePid(id) {
  const run = process.env.WHARF_FLEET_RUN || "/run/wharf-fleet";
  const pid = Number(readFileSync(`${run}/${id}.pid`, "utf8").trim());
  const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
  if (!cmdline.startsWith("dockerd") || !cmdline.includes(`${run}/${id}.sock`))
    throw new Error(`pid ${pid} from ${run}/${id}.pid is not ${id}'s dockerd`);
  return pid;
}
