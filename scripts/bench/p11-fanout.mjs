// P11 — fan-out over replicas (issue 25): 500 event streams on one replica, then 1,000 on two (500 each),
// started fresh for each set-up on the same database. Each trial is P1's crash (a container waits for a file;
// `docker exec … touch` makes it exit 3), engines in turn; the clock starts at the engine's `die` timeNano and
// stops when each stream has the row exited, every stream counted (n = trials × streams). Streams are held by one
// child process per replica (fanout-client.mjs). RSS: VmRSS of each replica's processes after the trials.
import { fork } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { labels } from "./bench-containers.mjs";
import { createContainer, exec, removeContainer, subscribeEvents } from "./engine-api.mjs";
import { nowMs, sleep, waitFor } from "./log.mjs";
import { summarize } from "./stats.mjs";

const KIND = "fanout";
const WAIT_THEN_CRASH = ["sh", "-c", "while [ ! -f /tmp/go ]; do sleep 0.05; done; exit 3"];
const client = path.join(path.dirname(fileURLToPath(import.meta.url)), "fanout-client.mjs");

/** COUNT streams on one replica, held by a child process; `watch(name)` resolves with its arrival times. */
async function holdStreams(replica, count, headers) {
  const child = fork(client, [replica.url, String(count), headers.cookie], { stdio: "inherit" });
  const waiting = new Map();
  const next = (key) => new Promise((resolve) => waiting.set(key, resolve));
  child.on("message", (message) => {
    const key =
      message.ready !== undefined
        ? "ready"
        : message.running
          ? `running ${message.running}`
          : message.exited
            ? `exited ${message.exited}`
            : "closed";
    waiting.get(key)?.(message);
    waiting.delete(key);
  });
  await next("ready");
  return {
    watch(name) {
      child.send({ watch: name });
      return { running: next(`running ${name}`), exited: next(`exited ${name}`).then((m) => m.at) };
    },
    async close() {
      const closed = next("closed");
      child.send({ close: true });
      return closed;
    },
  };
}

async function measure({ set, names, engines, streamsPerReplica, trials, log, label }) {
  // Fresh processes: RSS and caches start from nothing in either set-up.
  for (const replica of set.alive()) await set.stopOne(replica);
  const replicas = [];
  for (const name of names) replicas.push(await set.start(name));
  await waitFor("one recorder", async () => (await set.recorders()).length === 1, { timeoutMs: 30_000 });
  const holders = [];
  for (const replica of replicas) holders.push(await holdStreams(replica, streamsPerReplica, set.headers));
  log(`P11 ${label}: ${streamsPerReplica * replicas.length} streams open`);
  const dies = new Map();
  const subscriptions = await Promise.all(
    engines.map((eng) =>
      subscribeEvents(
        eng,
        { type: ["container"], event: ["die"], label: [`wharf.bench.kind=${KIND}`] },
        (event) => dies.set(event.Actor.ID, event.timeNano / 1e6),
        nowMs,
      ),
    ),
  );
  const delays = [];
  try {
    for (let trial = 0; trial < trials; trial++) {
      const eng = engines[trial % engines.length];
      const name = `wharf-bench-${KIND}-${Date.now().toString(36)}-${trial}`;
      const watches = holders.map((holder) => holder.watch(name));
      const id = await createContainer(eng, {
        name,
        cmd: WAIT_THEN_CRASH,
        labels: labels(KIND),
        start: true,
      });
      await Promise.all(watches.map((watch) => watch.running));
      await sleep(100);
      await exec(eng, id, ["touch", "/tmp/go"]);
      const arrivals = (await Promise.all(watches.map((watch) => watch.exited))).flat();
      const die = await waitFor(`${name}'s die`, () => dies.get(id), { everyMs: 5, timeoutMs: 10_000 });
      const these = arrivals.map((at) => at - die);
      delays.push(...these);
      const mine = summarize(these);
      log(
        `P11 ${label} ${trial + 1}/${trials}: median ${mine.median.toFixed(1)} ms, last ${mine.max.toFixed(1)} ms`,
      );
      await removeContainer(eng, id);
    }
    const rss = replicas.map((replica) => set.rssMb(replica));
    return { delay: summarize(delays), rss, streams: streamsPerReplica * replicas.length, trials };
  } finally {
    subscriptions.forEach((s) => s.close());
    for (const holder of holders) await holder.close();
  }
}

export async function runFanout({ set, engines, streamsPerReplica, trials, log }) {
  const one = await measure({
    set,
    names: ["r1"],
    engines,
    streamsPerReplica,
    trials,
    log,
    label: "one replica",
  });
  const two = await measure({
    set,
    names: ["r1", "r2"],
    engines,
    streamsPerReplica,
    trials,
    log,
    label: "two replicas",
  });
  return { one, two };
}

export function fanoutRows({ one, two }) {
  const ratio = (a, b) => (a / b).toFixed(2);
  const within = two.delay.median <= 1.2 * one.delay.median && two.delay.p95 <= 1.2 * one.delay.p95;
  const baseline = { what: `one replica, ${one.streams} streams`, fig: one.delay };
  const mb = (values) => values.map((v) => `${v.toFixed(0)} MB`).join(" and ");
  return [
    {
      id: "P11",
      what: `fan-out: crash → \`container\` message on every stream, ${two.streams} streams on two replicas — ${ratio(two.delay.median, one.delay.median)}× one replica's at the median, ${ratio(two.delay.p95, one.delay.p95)}× at p95`,
      unit: "ms",
      fig: two.delay,
      baseline,
      goal: "within 1.2× of one replica serving half",
      met: within,
    },
    {
      id: "P11",
      what: `fan-out: RSS per replica after the trials, ${two.streams} streams on two replicas — ${mb(two.rss)}`,
      unit: "MB",
      fig: { n: 1, single: Math.max(...two.rss) },
      baseline: { what: `one replica, ${one.streams} streams`, fig: { n: 1, single: one.rss[0] } },
      goal: "—",
      met: null,
    },
  ];
}
