// P10 and P11, several replicas on one PostgreSQL (issue 25). In the full run they follow P5, once the bench's own
// server is stopped and its containers removed; `BENCH_ONLY=replicas npm run bench` runs them alone against the
// fleet as it is (no fleet-up), printing the table without writing BENCHMARKS.md.
import path from "node:path";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { watchBackground } from "./background.mjs";
import { removeAllBench } from "./bench-containers.mjs";
import { snapshotBuild } from "./build-snapshot.mjs";
import { fleetEngines } from "./fleet.mjs";
import { log } from "./log.mjs";
import { failoverRows, runFailover } from "./p10-failover.mjs";
import { fanoutRows, runFanout } from "./p11-fanout.mjs";
import { printTable } from "./report.mjs";
import { startReplicaSet } from "./replica-set.mjs";

export const REPLICAS_FULL = { kills: 10, streamsPerReplica: 500, fanoutTrials: 20 };
export const REPLICAS_QUICK = { kills: 2, streamsPerReplica: 50, fanoutTrials: 3 };

export async function runReplicas({ root, fleetConfig, engines, size, background }) {
  const benchDir = path.join(root, ".fleet/bench");
  const app = await snapshotBuild({ root, benchDir });
  const set = await startReplicaSet({ root, app, fleetConfig, benchDir, log });
  try {
    background?.phase("P10");
    log(`P10: ${size.kills} kill -9s of the recorder, three replicas`);
    for (const name of ["r1", "r2", "r3"]) await set.start(name);
    const p10 = await runFailover({ set, engines, kills: size.kills, log });
    background?.phase("P11");
    log(`P11: ${size.streamsPerReplica} streams on one replica, then on each of two`);
    const p11 = await runFanout({
      set,
      engines,
      streamsPerReplica: size.streamsPerReplica,
      trials: size.fanoutTrials,
      log,
    });
    return { p10, p11 };
  } finally {
    await set.stop();
    await removeAllBench(engines);
  }
}

/** How P10 and P11 were taken, for the report's method list. */
export function replicasMethod(size) {
  return `P10 and P11: replicas of the bench's build copy (\`node scripts/start.mjs\`, the bench's standalone engines) on one database of a throwaway PostgreSQL cluster (BENCH_PG_PORT), no balancer (the bench talks to each replica). P10: three replicas; ${size.kills} times, the replica whose /api/health says \`recorder\` is sent SIGKILL and a container that writes a line to stderr and exits 3 is started at once on the next engine; the lease is the first poll (every 20 ms) where a survivor says \`recorder\`, the incident its arrival on either survivor's \`/api/events\` stream; the killed replica is started again before the next kill. P11: one fresh replica with ${size.streamsPerReplica} streams, then two fresh replicas with ${size.streamsPerReplica} each, each replica's streams held by a child process of their own (scripts/bench/fanout-client.mjs); both set-ups run twice, once on the machine's cores as they come and once with replica i and its reader pinned to core i (\`taskset -c i\`, a machine each; engines, PostgreSQL and the bench unpinned), the goal judged on the pinned pair; ${size.fanoutTrials} crashes (P1's method, engines in turn) timed from the die's timeNano to the row exited on every stream (n = trials × streams); RSS is VmRSS of each replica's processes after the trials. \`BENCH_ONLY=replicas\` runs them alone.`;
}

export function replicasRows(r) {
  return [...(r.p10 ? failoverRows(r.p10) : []), ...(r.p11 ? fanoutRows(r.p11) : [])];
}

export async function replicasOnly({ root }) {
  const quick = process.env.BENCH_QUICK === "1";
  const benchDir = path.join(root, ".fleet/bench");
  // The fleet is expected up; its three standalone engines take part, as in the full run.
  const fleet = JSON.parse(readFileSync(path.join(root, ".fleet/hosts.json"), "utf8"));
  fleet.hosts = fleet.hosts.filter((host) => ["alpha", "bravo", "charlie"].includes(host.id));
  mkdirSync(benchDir, { recursive: true });
  const fleetConfig = path.join(benchDir, "hosts-replicas.json");
  writeFileSync(fleetConfig, JSON.stringify(fleet));
  const engines = fleetEngines(fleetConfig);
  const background = watchBackground();
  try {
    const results = await runReplicas({
      root,
      fleetConfig,
      engines,
      size: quick ? REPLICAS_QUICK : REPLICAS_FULL,
      background,
    });
    printTable(replicasRows(results));
    console.log(JSON.stringify(results, null, 2));
  } finally {
    background.stop();
    log(`machine activity by phase:\n  ${background.describe().join("\n  ")}`);
  }
}
