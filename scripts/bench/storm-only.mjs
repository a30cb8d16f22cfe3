// BENCH_ONLY=storm: P8 alone, with the bench's own Wharf and Chromium, without the other phases' fleets.
// BENCH_STORM_RUN=dir: the storm runs on private engines whose sockets are dir/alpha.sock and dir/bravo.sock
// (dockerds of one's own, for development), not on the shared fleet.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { LABEL } from "./bench-containers.mjs";
import { listContainers, removeContainer } from "./engine-api.mjs";
import { pool } from "./pool.mjs";
import { launchBrowser } from "./browser.mjs";
import { snapshotBuild } from "./build-snapshot.mjs";
import { fleetEngines } from "./fleet.mjs";
import { log, waitFor } from "./log.mjs";
import { runStorm, stormRows } from "./p8-storm.mjs";
import { printTable } from "./report.mjs";
import { startWharf, stopWharf } from "./wharf-server.mjs";

// Only the storm's own kinds: another bench on the same engines keeps its containers.
async function removeStormContainers(engines) {
  let removed = 0;
  for (const eng of engines) {
    const ids = (await listContainers(eng, { label: [`${LABEL}=1`] }))
      .filter((c) => c.Labels["wharf.bench.kind"]?.startsWith("storm"))
      .map((c) => c.Id);
    await pool(ids, 16, (id) => removeContainer(eng, id));
    removed += ids.length;
  }
  return removed;
}

const STANDALONE = new Set(["alpha", "bravo", "charlie"]);

export async function stormOnly({ root }) {
  const quick = process.env.BENCH_QUICK === "1";
  const benchDir = path.join(root, ".fleet/bench");
  // The fleet is expected up (fleet:up); only its three standalone engines take part, as in the full run.
  const fleet = JSON.parse(readFileSync(path.join(root, ".fleet/hosts.json"), "utf8"));
  fleet.hosts = fleet.hosts.filter((host) => STANDALONE.has(host.id));
  const privateRun = process.env.BENCH_STORM_RUN;
  if (privateRun) {
    fleet.hosts = ["alpha", "bravo"].map((id) => ({ id, name: id, url: `unix://${privateRun}/${id}.sock` }));
  }
  mkdirSync(benchDir, { recursive: true });
  const fleetConfig = path.join(benchDir, "hosts-storm.json");
  writeFileSync(fleetConfig, JSON.stringify(fleet));
  const engines = fleetEngines(fleetConfig).map((eng) =>
    privateRun ? { ...eng, socketPath: `${privateRun}/${eng.id}.sock` } : eng,
  );
  await removeStormContainers(engines);
  const app = await snapshotBuild({ root, benchDir });
  const server = await startWharf({
    root,
    app,
    fleetConfig,
    benchDir,
    profileDir: process.env.BENCH_CPU_PROF ? path.join(benchDir, "prof") : undefined,
  });
  const browser = await launchBrowser();
  try {
    const count = Number(process.env.BENCH_STORM_COUNT ?? (quick ? 200 : 1000));
    const result = await runStorm({
      engines,
      server,
      browser,
      benchDir,
      count,
      crossTrials: quick ? 10 : 30,
    });
    writeFileSync(path.join(benchDir, "p8-storm.json"), JSON.stringify(result, null, 2));
    printTable(stormRows(result));
  } finally {
    await browser.close().catch(() => {});
    // A profiled server writes its profile as it exits, which takes longer than stopWharf waits.
    if (process.env.BENCH_CPU_PROF) {
      server.child.kill("SIGTERM");
      await waitFor("the profiled server to exit", () => server.child.exitCode !== null, {
        timeoutMs: 60_000,
      });
    }
    await stopWharf(server);
    log("removing the storm's containers…");
    log(`removed ${await removeStormContainers(engines)} bench containers`);
  }
}
