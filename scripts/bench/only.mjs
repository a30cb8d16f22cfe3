// `BENCH_ONLY=soak npm run bench` (P9) or `BENCH_ONLY=p6` (P6 at ~3,000 containers): one phase alone, against a
// Wharf server of the bench's own on the dev fleet, without the other phases. BENCH_QUICK=1 shortens the soak to
// a minute, BENCH_SOAK_SECONDS to any length (for a leak hunt with heap snapshots taken along the way).
import path from "node:path";
import { createIdle, createRunning, removeAllBench } from "./bench-containers.mjs";
import { readBuildId, snapshotBuild } from "./build-snapshot.mjs";
import { fleetEngines, fleetUp } from "./fleet.mjs";
import { log, sleep, waitFor } from "./log.mjs";
import { measureMemoryWithClients, wharfMemory } from "./p6-memory.mjs";
import { runRamp, runSoak, SOAK_FULL, SOAK_QUICK } from "./p9-soak.mjs";
import { printTable } from "./report.mjs";
import { buildRows } from "./rows.mjs";
import { waitForWharf } from "./wharf-catch-up.mjs";
import { getJson, startWharf, stopWharf } from "./wharf-server.mjs";

const PHASES = {
  async soak({ server, engines }) {
    const seconds = Number(process.env.BENCH_SOAK_SECONDS) || 0;
    const size = {
      ...(process.env.BENCH_QUICK === "1" ? SOAK_QUICK : SOAK_FULL),
      ...(seconds > 0 ? { durationMs: seconds * 1000 } : {}),
    };
    const p9 = await runSoak({ server, engines, size });
    log(p9.method);
    const ramp = await runRamp({ server, engines, size });
    p9.rows.push(...ramp.rows);
    log(ramp.method);
    return { p9 };
  },
  // As in the full run: 1,000 created-not-started and 10 running containers per host, then 50 streams.
  async p6({ server, engines }) {
    await sleep(3_000);
    const idle = wharfMemory(server);
    const smallContainers = (await getJson(server, "/api/containers")).containers.length;
    await Promise.all(
      engines.map(async (eng) => {
        await createIdle(eng, "fill", 0, 1000);
        await createRunning(eng, "run", 10);
      }),
    );
    await waitForWharf(server, engines, 1010 * engines.length);
    const containers = (await getJson(server, "/api/containers")).containers.length;
    const at3k = await measureMemoryWithClients({ server, clients: 50 });
    return { p6: { idle, at3k, clients: 50, containers, smallContainers } };
  },
};

export async function runOnly({ root, phase }) {
  const run = PHASES[phase];
  if (!run) throw new Error(`BENCH_ONLY=${phase}: one of ${Object.keys(PHASES).join(", ")}`);
  const benchDir = path.join(root, ".fleet/bench");
  const fleetConfig = fleetUp(root);
  const engines = fleetEngines(fleetConfig);
  await removeAllBench(engines);
  let server = null;
  const cleanup = async () => {
    // A profiled server writes its profile as it exits, which takes longer than stopWharf waits.
    if (server && process.env.BENCH_CPU_PROF) {
      server.child.kill("SIGTERM");
      await waitFor("the profiled server to exit", () => server.child.exitCode !== null, {
        timeoutMs: 60_000,
      });
    }
    if (server) await stopWharf(server);
    server = null;
    await removeAllBench(engines);
  };
  for (const signal of ["SIGINT", "SIGTERM"])
    process.once(signal, () => cleanup().finally(() => process.exit(130)));
  try {
    const app = await snapshotBuild({ root, benchDir });
    // BENCH_CPU_PROF=1: the server writes a CPU profile to .fleet/bench/prof as it exits (as BENCH_ONLY=storm).
    server = await startWharf({
      root,
      app,
      fleetConfig,
      benchDir,
      profileDir: process.env.BENCH_CPU_PROF ? path.join(benchDir, "prof") : undefined,
    });
    log(`BENCH_ONLY=${phase}: build ${readBuildId(app)}, Wharf on ${server.url} (pid ${server.pid})`);
    printTable(buildRows(await run({ server, engines })));
  } finally {
    await cleanup();
  }
}
