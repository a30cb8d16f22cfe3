// The bench run, phase by phase. Container counts grow as the run goes (small fleet → 3,000 → 10,000) so
// each container is created once; every phase measures Wharf and its baseline at the same moment.
import { mkdirSync } from "node:fs";
import path from "node:path";
import {
  createIdle,
  removeAllBenchLogged,
  createRunning,
  LABEL,
  removeAllBench,
} from "./bench-containers.mjs";
import { listContainers } from "./engine-api.mjs";
import { signIn } from "./auth.mjs";
import { watchBackground } from "./background.mjs";
import { launchBrowser } from "./browser.mjs";
import { readBuildId, snapshotBuild } from "./build-snapshot.mjs";
import { fleetEngines, fleetUp } from "./fleet.mjs";
import { elapsedSeconds, log, sleep, waitFor } from "./log.mjs";
import { describeMachine } from "./machine.mjs";
import { describeMethod } from "./method.mjs";
import { runCrashToScreen } from "./p1-crash.mjs";
import { runLarge } from "./large.mjs";
import { runFleetList } from "./p2-list.mjs";
import { runP4Redeploy } from "./p4-redeploy.mjs";
import { p5Only, runP5Both } from "./p5-both.mjs";
import { firstLoadJs, measureFirstRender, measureScroll } from "./p3-browser.mjs";
import { analyzeHeapSnapshot, heapSnapshotOptions, takeHeapSnapshot } from "./p6-heap.mjs";
import { measureMemoryWithClients, servingProcess, wharfMemory } from "./p6-memory.mjs";
import { runCrashToAlert } from "./p7-alert.mjs";
import { runStorm } from "./p8-storm.mjs";
import { runRamp, runSoak, SOAK_FULL, SOAK_QUICK } from "./p9-soak.mjs";
import { runOnly } from "./only.mjs";
import { REPLICAS_FULL, REPLICAS_QUICK, replicasMethod, replicasOnly, runReplicas } from "./replicas.mjs";
import { printTable, writeReport } from "./report.mjs";
import { buildRows } from "./rows.mjs";
import { waitForWharf } from "./wharf-catch-up.mjs";
import { getJson, startWharf, stopWharf } from "./wharf-server.mjs";

// smallPerHost: the P3 baseline's own small fleet (the demo held 6 containers), so the baseline never depends
// on what the engines happen to hold; they are the first of P2's idle containers, kept for P2.
const FULL = {
  crashTrialsPerHost: 10,
  smallPerHost: 2,
  listPerHost: 1000,
  runningPerHost: 10,
  listTrials: 40,
  browserPerHost: 3334,
  renderTrials: 5,
  sseClients: 50,
  stormContainers: 1000,
  stormCrossTrials: 30,
};
// BENCH_QUICK=1: a smoke run of every phase in about a minute; it prints the table but leaves BENCHMARKS.md alone.
const QUICK = {
  crashTrialsPerHost: 2,
  smallPerHost: 2,
  listPerHost: 100,
  runningPerHost: 2,
  listTrials: 10,
  browserPerHost: 300,
  renderTrials: 2,
  sseClients: 10,
  stormContainers: 200,
  stormCrossTrials: 10,
};

async function totalContainers(server) {
  return (await getJson(server, "/api/containers")).containers.length;
}

async function createAcross(engines, perHost, make) {
  const started = Date.now();
  await Promise.all(engines.map(make));
  const seconds = (Date.now() - started) / 1000;
  log(`created ${perHost * engines.length} containers in ${seconds.toFixed(1)} s`);
}

export async function main({ root }) {
  // `npm run bench -- --large`: the 20-engine run, a mode of its own (scripts/bench/large.mjs).
  if (process.argv.includes("--large")) return runLarge({ root });
  if (process.env.BENCH_ONLY === "p5") return p5Only({ root, log });
  if (process.env.BENCH_ONLY === "replicas") return replicasOnly({ root });
  if (process.env.BENCH_ONLY === "storm") return (await import("./storm-only.mjs")).stormOnly({ root });
  if (process.env.BENCH_ONLY) return runOnly({ root, phase: process.env.BENCH_ONLY });
  const quick = process.env.BENCH_QUICK === "1";
  const size = quick ? QUICK : FULL;
  const benchDir = path.join(root, ".fleet/bench");
  // A full run takes a heap snapshot at P6 unless BENCH_HEAP_SNAPSHOT=0; a quick one only when asked.
  const heapDir =
    (process.env.BENCH_HEAP_SNAPSHOT ?? (quick ? "0" : "1")) === "1" ? path.join(benchDir, "heap") : null;
  mkdirSync(benchDir, { recursive: true });
  const results = {};
  const details = [];
  const background = watchBackground();
  background.phase("setup");

  log(quick ? "quick run (BENCH_QUICK=1): reduced sizes, BENCHMARKS.md is not written" : "full run");
  log("fleet: scripts/fleet-up.sh (starts the engines only when they are down)");
  const fleetConfig = fleetUp(root);
  const engines = fleetEngines(fleetConfig);
  const leftovers = await removeAllBench(engines);
  if (leftovers > 0) log(`removed ${leftovers} containers left over from an earlier run`);

  let server = null;
  let browser = null;
  let cleaning = null;
  const cleanup = () =>
    (cleaning ??= (async () => {
      await browser?.close().catch(() => {});
      if (server) {
        log(`stopping Wharf (pid ${server.pid})`);
        await stopWharf(server);
      }
      await removeAllBenchLogged(engines);
    })());
  for (const signal of ["SIGINT", "SIGTERM"])
    process.once(signal, () => cleanup().finally(() => process.exit(130)));

  let machine;
  try {
    const app = await snapshotBuild({ root, benchDir });
    log(`build ${readBuildId(app)} copied to .fleet/bench/app; starting a Wharf server of the bench's own…`);
    server = await startWharf({
      root,
      app,
      fleetConfig,
      benchDir,
      profileDir: process.env.BENCH_CPU_PROF ? path.join(benchDir, "prof") : undefined,
      env: heapDir ? { NODE_OPTIONS: heapSnapshotOptions(heapDir) } : undefined,
    });
    log(`Wharf on ${server.url} (pid ${server.pid}), data in .fleet/bench/data`);
    const js = firstLoadJs(app, "/");
    const jsFloor = firstLoadJs(app, "/_not-found");
    browser = await launchBrowser();
    machine = await describeMachine({ root, engines, browser });

    await sleep(3_000);
    const startContainers = await totalContainers(server);
    const idleMemory = wharfMemory(server);
    log(
      `baseline memory: ${idleMemory.totalMb.toFixed(0)} MB with ${startContainers} containers and no client`,
    );

    background.phase("P1");
    log(`P1: ${size.crashTrialsPerHost} crashes per host, ${engines.length} hosts in turn`);
    results.p1 = await runCrashToScreen({ engines, server, browser, trialsPerHost: size.crashTrialsPerHost });
    await removeAllBench(engines);

    background.phase("P8");
    log(
      `P8: a storm of ${size.stormContainers} deaths on ${engines[0].id}, crashes on the other hosts meanwhile`,
    );
    results.p8 = await runStorm({
      engines,
      server,
      browser,
      benchDir,
      count: size.stormContainers,
      crossTrials: size.stormCrossTrials,
    });
    await removeAllBench(engines);

    background.phase("P7");
    log(`P7: ${size.crashTrialsPerHost} crashes per host and kind → webhook received by the bench`);
    const admin = await signIn({ server, root, dataDir: server.dataDir, role: "admin" });
    results.p7 = await runCrashToAlert({
      engines,
      server,
      adminHeaders: admin.headers,
      trialsPerHost: size.crashTrialsPerHost,
    });
    await removeAllBench(engines);

    background.phase("P4");
    log("P4: redeploys through Wharf against the docker CLI doing the same steps");
    results.p4 = await runP4Redeploy({ server, headers: server.headers, log });

    // Only the bench's own rows: others may add or remove containers on the shared engines meanwhile.
    await waitFor(
      "the crash rows to leave Wharf",
      async () => !(await getJson(server, "/api/containers")).containers.some((c) => c.labels?.[LABEL]),
      { timeoutMs: 30_000, everyMs: 250 },
    );

    // On the small fleet, before the big ones: P9 is about memory over time, not fleet size.
    background.phase("P9");
    results.p9 = await runSoak({ server, engines, size: quick ? SOAK_QUICK : SOAK_FULL });
    await removeAllBench(engines);

    background.phase("P3 small");
    // Its own rows: on engines with no container the page shows no table, and no first row to time.
    await createAcross(engines, size.smallPerHost, (eng) => createIdle(eng, "fill", 0, size.smallPerHost));
    await waitForWharf(server, engines, size.smallPerHost * engines.length);
    const smallFleet = await totalContainers(server);
    log(`P3 baseline: first render with the small fleet (${smallFleet} containers)`);
    const smallRender = await measureFirstRender({
      browser,
      server,
      trials: size.renderTrials,
      label: `${smallFleet} containers`,
    });

    background.phase("P2 create");
    log(
      `P2: growing the fleet to ${size.listPerHost} idle + ${size.runningPerHost} running containers per host…`,
    );
    await createAcross(engines, size.listPerHost - size.smallPerHost + size.runningPerHost, async (eng) => {
      await createIdle(eng, "fill", size.smallPerHost, size.listPerHost - size.smallPerHost);
      await createRunning(eng, "run", size.runningPerHost);
    });
    const p2Bench = (size.listPerHost + size.runningPerHost) * engines.length;
    const p2CatchUp = await waitForWharf(server, engines, p2Bench);
    const p2Containers = await totalContainers(server);
    background.phase("P2");
    const baselineEngine = engines[0];
    results.p2 = {
      ...(await runFleetList({ server, baselineEngine, trials: size.listTrials })),
      containers: p2Containers,
      missing: p2CatchUp.missing.length,
      engine: baselineEngine.id,
      engineContainers: (await listContainers(baselineEngine)).length,
    };

    background.phase("P6");
    log(`P6: ${size.sseClients} event streams on ${p2Containers} containers`);
    const at3k = await measureMemoryWithClients({ server, clients: size.sseClients });
    // After P6's figure, so the snapshot's own cost is in none of it (P6 at 10,000 comes after it).
    const heapSnapshot = heapDir
      ? await takeHeapSnapshot({ server, pid: servingProcess(server).pid, dir: heapDir })
      : null;
    results.p6 = {
      idle: idleMemory,
      at3k,
      heapSnapshot,
      clients: size.sseClients,
      containers: p2Containers,
      smallContainers: startContainers,
    };

    const more = size.browserPerHost - size.listPerHost - size.runningPerHost;
    background.phase("P3 create");
    log(
      `P3: growing the fleet to ${size.browserPerHost} containers per host (${more * engines.length} more)…`,
    );
    await createAcross(engines, more, (eng) => createIdle(eng, "fill", size.listPerHost, more));
    const p3CatchUp = await waitForWharf(server, engines, size.browserPerHost * engines.length);
    const p3Containers = await totalContainers(server);
    background.phase("P3");
    const firstRender = await measureFirstRender({
      browser,
      server,
      trials: size.renderTrials,
      label: `${p3Containers} containers`,
    });
    const scroll = await measureScroll({ browser, server });
    results.p3 = {
      containers: p3Containers,
      missing: p3CatchUp.missing.length,
      smallContainers: smallFleet,
      firstRender,
      smallRender,
      scroll,
      js,
      jsFloor,
    };

    background.phase("P6 extra");
    log(`P6 (extra): ${size.sseClients} event streams on ${p3Containers} containers`);
    results.p6.at10k = await measureMemoryWithClients({ server, clients: size.sseClients });
    results.p6.containers10k = p3Containers;

    // Last: its overloaded step leaves the heap grown, and no memory figure may come after it.
    await removeAllBench(engines);
    background.phase("P9 ramp");
    log("P9 ramp: the list rate stepped up with the soak's streams and churn, on the small fleet again");
    const ramp = await runRamp({ server, engines, size: quick ? SOAK_QUICK : SOAK_FULL });
    results.p9.rows.push(...ramp.rows);

    details.push(
      ...describeMethod({
        size,
        results,
        counts: { small: smallFleet, p2: p2Containers, p3: p3Containers },
        catchUps: { p2: p2CatchUp, p3: p3CatchUp },
      }),
      results.p9.method,
      ramp.method,
    );
  } finally {
    background.phase("cleanup");
    await cleanup();
    background.stop();
  }
  const activity = background.describe();
  log(`machine activity by phase:\n  ${activity.join("\n  ")}`);
  details.push(
    `Machine activity by phase (load average peak; CPU busy share includes the bench's own work; processes that were not the bench's): ${activity.join("; ")}.`,
  );

  if (results.p6?.heapSnapshot) {
    log(`P6: reading the heap snapshot (${results.p6.heapSnapshot.mb.toFixed(0)} MB)…`);
    results.p6.heap = analyzeHeapSnapshot(results.p6.heapSnapshot.file);
  }
  if (!quick || process.env.BENCH_P5) {
    log(
      "P5: 1,000,000 history rows in a SQLite file of the bench's own, then in a PostgreSQL cluster of its own",
    );
    results.p5 = await runP5Both({ root, log });
    log("P10, P11: replicas on a PostgreSQL cluster of the bench's own (failover, fan-out)");
    const replicasSize = quick ? REPLICAS_QUICK : REPLICAS_FULL;
    Object.assign(results, await runReplicas({ root, fleetConfig, engines, size: replicasSize }));
    details.push(replicasMethod(replicasSize));
  }
  const rows = buildRows(results);
  printTable(rows);
  const runSeconds = elapsedSeconds();
  log(`done in ${(runSeconds / 60).toFixed(1)} min`);
  if (!quick) {
    writeReport(path.join(root, "BENCHMARKS.md"), {
      machine,
      rows,
      details,
      runSeconds,
      command: "npm run bench",
    });
    log("wrote BENCHMARKS.md");
  }
}
