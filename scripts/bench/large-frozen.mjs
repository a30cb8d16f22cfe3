// One engine that stops answering must delay nothing else. Its dockerd is frozen (SIGSTOP: its sockets still
// accept connections, nothing answers, as with a hung engine or host), Wharf is started, and the bench times how
// long the other engines' containers take to be listed, how the list answers while it stays frozen, and how long
// the engine takes to be back after SIGCONT. The engine is thawed in a finally, and by the bench's cleanup.
import { listContainers } from "./engine-api.mjs";
import { timedGet } from "./http-timing.mjs";
import { directLists, enginePid } from "./large-start.mjs";
import { log, nowMs, waitFor } from "./log.mjs";
import { summarize } from "./stats.mjs";
import { getJson, stopWharf } from "./wharf-server.mjs";

const LIST_SAMPLES = 8;

async function listLatencies(server, samples) {
  const plain = { url: `${server.url}/api/containers`, headers: server.headers };
  const times = [];
  for (let i = 0; i < samples; i++) {
    const res = await timedGet(plain);
    if (res.status !== 200) throw new Error(`GET /api/containers → ${res.status}`);
    times.push(res.ms);
  }
  return times;
}

export async function runFrozen({ engines, victim, trials, start, setServer, frozenHandle }) {
  const others = engines.filter((eng) => eng !== victim);
  const pid = enginePid(victim.id);
  let frozen = false;
  const thaw = () => {
    if (!frozen) return;
    process.kill(pid, "SIGCONT");
    frozen = false;
  };
  frozenHandle.thaw = thaw;
  const starts = [];
  const direct = [];
  const downAt = [];
  const errors = new Set();
  const whileFrozen = [];
  const thawed = [];
  const back = [];
  const stale = [];
  for (let trial = 1; trial <= trials; trial++) {
    const victimCount = (await listContainers(victim)).length;
    let server;
    try {
      process.kill(pid, "SIGSTOP");
      frozen = true;
      const lists = await directLists(others);
      direct.push(lists.ms);
      const started = await start(lists.counts, victim.id);
      server = started.server;
      setServer(server);
      starts.push(started.ms);
      downAt.push(started.frozenDown.ms);
      errors.add(started.frozenDown.error);
      whileFrozen.push(...(await listLatencies(server, LIST_SAMPLES)));
      const listed = await getJson(server, "/api/containers");
      const host = listed.hosts.find((h) => h.id === victim.id);
      if (host?.status !== "down") throw new Error(`${victim.id} frozen but listed as ${host?.status}`);
      stale.push(listed.containers.filter((c) => c.hostId === victim.id).length);
      log(
        `frozen ${trial}/${trials}: the other ${others.length} engines' containers listed ${started.ms.toFixed(0)} ms after start (direct ${lists.ms.toFixed(0)} ms); ${victim.id} shown down at ${started.frozenDown.ms.toFixed(0)} ms ("${started.frozenDown.error}")`,
      );
    } finally {
      thaw();
    }
    const thawedAt = nowMs();
    await waitFor(
      `${victim.id} to be back in Wharf`,
      async () => {
        const { hosts } = await getJson(server, "/api/hosts");
        const host = hosts.find((h) => h.id === victim.id);
        return host?.status === "up" && host.counts.total >= victimCount;
      },
      { timeoutMs: 60_000, everyMs: 20 },
    );
    back.push(nowMs() - thawedAt);
    thawed.push(...(await listLatencies(server, LIST_SAMPLES)));
    await stopWharf(server);
    setServer(null);
  }
  return {
    victim: victim.id,
    others: others.length,
    start: summarize(starts),
    direct: summarize(direct),
    downAt: summarize(downAt),
    errors: [...errors],
    whileFrozen: summarize(whileFrozen),
    thawed: summarize(thawed),
    back: summarize(back),
    staleRows: Math.max(...stale),
  };
}
