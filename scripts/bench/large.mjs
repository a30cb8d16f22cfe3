// `npm run bench -- --large`: the many-hosts goal of issue 17. Twenty engines (`fleet:up -- --engines 20`) with
// 1,000 created-not-started containers each; a Wharf of the bench's own is started again and again and timed from
// its process start to every container listed, against reading every engine's list directly in the same run;
// then the same with one engine frozen (SIGSTOP), which must delay nothing else.
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { createIdle, removeAllBenchLogged, removeAllBench } from "./bench-containers.mjs";
import { readBuildId, snapshotBuild } from "./build-snapshot.mjs";
import { fleetEngines } from "./fleet.mjs";
import { runFrozen } from "./large-frozen.mjs";
import { buildLargeRows, describeLarge } from "./large-rows.mjs";
import { directLists, timeStart } from "./large-start.mjs";
import { elapsedSeconds, log } from "./log.mjs";
import { describeMachine } from "./machine.mjs";
import { runFleetList } from "./p2-list.mjs";
import { printTable, writeReport } from "./report.mjs";
import { summarize } from "./stats.mjs";
import { startWharf, stopWharf } from "./wharf-server.mjs";

const ENGINES = 20;
const FULL = { perHost: 1000, trials: 5, listTrials: 40 };
// BENCH_QUICK=1: a smoke run at a tenth of the size; it prints the table but leaves BENCHMARKS.md alone.
const QUICK = { perHost: 100, trials: 2, listTrials: 10 };

function largeFleetUp(root) {
  const result = spawnSync("bash", [path.join(root, "scripts/fleet-up.sh"), "--engines", String(ENGINES)], {
    cwd: root,
    encoding: "utf8",
  });
  if (result.status !== 0)
    throw new Error(`fleet-up --engines ${ENGINES} failed:\n${result.stdout}\n${result.stderr}`);
  return path.join(root, ".fleet/hosts-large.json");
}

export async function runLarge({ root }) {
  const quick = process.env.BENCH_QUICK === "1";
  const size = { ...(quick ? QUICK : FULL) };
  if (process.env.BENCH_LARGE_PER_HOST) size.perHost = Number(process.env.BENCH_LARGE_PER_HOST);
  if (process.env.BENCH_LARGE_TRIALS) size.trials = Number(process.env.BENCH_LARGE_TRIALS);
  const custom = quick || process.env.BENCH_LARGE_PER_HOST || process.env.BENCH_LARGE_TRIALS;
  const benchDir = path.join(root, ".fleet/bench");
  mkdirSync(benchDir, { recursive: true });
  log(`large run: ${ENGINES} engines × ${size.perHost} containers, ${size.trials} starts each way`);
  log(`fleet: scripts/fleet-up.sh --engines ${ENGINES} (starts the engines only when they are down)`);
  const fleetConfig = largeFleetUp(root);
  const engines = fleetEngines(fleetConfig);
  const leftovers = await removeAllBench(engines);
  if (leftovers > 0) log(`removed ${leftovers} containers left over from an earlier run`);

  let server = null;
  const frozen = { thaw: () => {} };
  let cleaning = null;
  const cleanup = () =>
    (cleaning ??= (async () => {
      // First: a frozen engine would hang its share of the removal.
      frozen.thaw();
      if (server) await stopWharf(server);
      await removeAllBenchLogged(engines);
    })());
  for (const signal of ["SIGINT", "SIGTERM"])
    process.once(signal, () => cleanup().finally(() => process.exit(130)));

  const results = { engines: engines.length, perHost: size.perHost, trials: size.trials };
  let machine;
  try {
    machine = await describeMachine({ root, engines });
    const created = Date.now();
    await Promise.all(engines.map((eng) => createIdle(eng, "large", 0, size.perHost)));
    results.createSeconds = (Date.now() - created) / 1000;
    log(`created ${size.perHost * engines.length} containers in ${results.createSeconds.toFixed(1)} s`);

    const app = await snapshotBuild({ root, benchDir });
    log(`build ${readBuildId(app)} copied to .fleet/bench/app; a first start signs the bench in…`);
    const dataName = "data-large";
    server = await startWharf({ root, app, fleetConfig, benchDir, dataName });
    const { headers, dataDir } = server;
    await stopWharf(server);
    server = null;
    const logFile = path.join(benchDir, "wharf-large.log");

    const starts = [];
    const direct = [];
    const answered = [];
    for (let trial = 1; trial <= size.trials; trial++) {
      const lists = await directLists(engines);
      direct.push(lists.ms);
      const start = await timeStart({
        app,
        fleetConfig,
        dataDir,
        logFile,
        headers,
        counts: lists.counts,
        // BENCH_CPU_PROF=1: where a start's time goes, one .cpuprofile per start.
        profileDir: process.env.BENCH_CPU_PROF ? path.join(benchDir, "prof") : undefined,
      });
      server = start.server;
      starts.push(start.ms);
      answered.push(start.answeredMs);
      log(
        `start ${trial}/${size.trials}: every container listed ${start.ms.toFixed(0)} ms after the process started (direct lists ${lists.ms.toFixed(0)} ms; first answer at ${start.answeredMs.toFixed(0)} ms, last host ${start.slowest.id})`,
      );
      if (trial === size.trials) {
        results.total = Object.values(lists.counts).reduce((a, b) => a + b, 0);
        log(`P2-style list at ${results.total} containers`);
        results.list = await runFleetList({ server, baselineEngine: engines[0], trials: size.listTrials });
      }
      await stopWharf(server);
      server = null;
    }
    results.start = summarize(starts);
    results.direct = summarize(direct);
    results.answered = summarize(answered);

    results.frozen = await runFrozen({
      engines,
      victim: engines.at(-1),
      trials: size.trials,
      start: (counts, victim) =>
        timeStart({ app, fleetConfig, dataDir, logFile, headers, counts, frozen: victim }),
      setServer: (s) => (server = s),
      frozenHandle: frozen,
      listTrials: size.listTrials,
    });
  } finally {
    await cleanup();
  }

  const rows = buildLargeRows(results);
  printTable(rows);
  const runSeconds = elapsedSeconds();
  log(`done in ${(runSeconds / 60).toFixed(1)} min`);
  if (!custom) {
    writeReport(path.join(root, "BENCHMARKS.md"), {
      mode: "large",
      machine,
      rows,
      details: describeLarge(results),
      runSeconds,
      command: "npm run bench -- --large",
    });
    log("wrote the large run's section of BENCHMARKS.md");
  } else log("sizes changed (BENCH_QUICK / BENCH_LARGE_*): BENCHMARKS.md is left alone");
}
