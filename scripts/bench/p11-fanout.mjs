// P11 — fan-out over replicas (issue 25): 500 event streams on one replica, then 1,000 on two (500 each),
// started fresh for each set-up on the same database, each set-up both on shared cores and pinned (runFanout). Each trial is P1's crash (a container waits for a file;
// `docker exec … touch` makes it exit 3), engines in turn; the clock starts at the engine's `die` timeNano and
// stops when each stream has the row exited, every stream counted (n = trials × streams). Streams are held by one
// child process per replica (fanout-client.mjs). RSS: VmRSS of each replica's processes after the trials.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { labels } from "./bench-containers.mjs";
import { createContainer, exec, removeContainer, subscribeEvents } from "./engine-api.mjs";
import { nowMs, sleep, waitFor } from "./log.mjs";
import { summarize } from "./stats.mjs";

const KIND = "fanout";
const WAIT_THEN_CRASH = ["sh", "-c", "while [ ! -f /tmp/go ]; do sleep 0.05; done; exit 3"];
const client = path.join(path.dirname(fileURLToPath(import.meta.url)), "fanout-client.mjs");

/**
 * COUNT streams on one replica, held by a child process (on core `cpu` when given, beside its replica);
 * `watch(name)` resolves with its arrival times.
 */
async function holdStreams(replica, count, headers, cpu) {
  const argv = [process.execPath, client, replica.url, String(count), headers.cookie];
  const [command, ...args] = cpu === undefined ? argv : ["taskset", "-c", String(cpu), ...argv];
  const child = spawn(command, args, { stdio: ["inherit", "inherit", "inherit", "ipc"] });
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

async function measure({ set, names, engines, streamsPerReplica, trials, log, label, pinned }) {
  // Fresh processes: RSS and caches start from nothing in either set-up.
  for (const replica of set.alive()) await set.stopOne(replica);
  // Pinned: replica i and its streams' reader on core i, as on a machine of its own.
  const cpuOf = (i) => (pinned ? i : undefined);
  const replicas = [];
  for (const [i, name] of names.entries()) replicas.push(await set.start(name, cpuOf(i)));
  await waitFor("one recorder", async () => (await set.recorders()).length === 1, { timeoutMs: 30_000 });
  const holders = [];
  for (const [i, replica] of replicas.entries())
    holders.push(await holdStreams(replica, streamsPerReplica, set.headers, cpuOf(i)));
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

/**
 * Each set-up twice: on the machine's cores as they come (two replicas and their readers share them: twice the
 * work on the same cores), and pinned, replica i and its reader on core i, which is what the set-up is:
 * replicas on machines of their own. The goal is judged on the pinned pair; the shared pair is told beside it.
 */
export async function runFanout({ set, engines, streamsPerReplica, trials, log }) {
  const run = (names, pinned) =>
    measure({
      set,
      names,
      engines,
      streamsPerReplica,
      trials,
      log,
      pinned,
      label: `${names.length === 1 ? "one replica" : "two replicas"}${pinned ? ", a core each" : ""}`,
    });
  const one = await run(["r1"], false);
  const two = await run(["r1", "r2"], false);
  const onePinned = await run(["r1"], true);
  const twoPinned = await run(["r1", "r2"], true);
  return { one, two, onePinned, twoPinned };
}

export function fanoutRows({ one, two, onePinned, twoPinned }) {
  const ratio = (a, b) => (a / b).toFixed(2);
  const mb = (values) => values.map((v) => `${v.toFixed(0)} MB`).join(" and ");
  const delayRow = (single, pair, [where, whereOne], judged) => ({
    id: "P11",
    what: `fan-out: crash → \`container\` message on every stream, ${pair.streams} streams on two replicas ${where} — ${ratio(pair.delay.median, single.delay.median)}× one replica's at the median, ${ratio(pair.delay.p95, single.delay.p95)}× at p95`,
    unit: "ms",
    fig: pair.delay,
    baseline: { what: `one replica ${whereOne}, ${single.streams} streams`, fig: single.delay },
    goal: judged ? "within 1.2× of one replica serving half" : "— (info: twice the work on the same cores)",
    met: judged
      ? pair.delay.median <= 1.2 * single.delay.median && pair.delay.p95 <= 1.2 * single.delay.p95
      : null,
  });
  return [
    ...(onePinned && twoPinned
      ? [
          delayRow(
            onePinned,
            twoPinned,
            ["pinned to a core each (a machine each)", "pinned to one core"],
            true,
          ),
        ]
      : []),
    delayRow(one, two, ["sharing the machine's cores", "on the machine's cores"], !onePinned),
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
