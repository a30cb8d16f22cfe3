// Every container the bench makes carries this label and a `wharf-bench-` name, so leftovers from a crashed run
// are found and removed, and the shared engines are left as they were found.
import { createContainer, listContainers, removeContainer } from "./engine-api.mjs";
import { log } from "./log.mjs";
import { pool } from "./pool.mjs";

export const LABEL = "wharf.bench";
export const labels = (kind) => ({ [LABEL]: "1", "wharf.bench.kind": kind });

// Requests in flight per engine: enough to keep each engine busy, few enough that it is not queueing hundreds.
const IN_FLIGHT = 16;

/** Creates `count` created-not-started containers on one engine: cheap for the engine, still a full row for Wharf. */
export async function createIdle(eng, kind, from, count) {
  const names = Array.from({ length: count }, (_, i) => `wharf-bench-${kind}-${eng.id}-${from + i}`);
  return pool(names, IN_FLIGHT, (name) =>
    createContainer(eng, { name, cmd: ["true"], labels: labels(kind) }),
  );
}

export async function createRunning(eng, kind, count) {
  const names = Array.from({ length: count }, (_, i) => `wharf-bench-${kind}-${eng.id}-${i}`);
  return pool(names, IN_FLIGHT, (name) =>
    createContainer(eng, { name, cmd: ["sleep", "3600"], labels: labels(kind), start: true }),
  );
}

/** Removes every bench container on the engines, all engines at once. Returns how many there were. */
export async function removeAllBench(engines) {
  const counts = await Promise.all(
    engines.map(async (eng) => {
      const ids = (await listContainers(eng, { label: [`${LABEL}=1`] })).map((c) => c.Id);
      await pool(ids, IN_FLIGHT, (id) => removeContainer(eng, id));
      return ids.length;
    }),
  );
  return counts.reduce((a, b) => a + b, 0);
}

/** A run's last step, also on failure or Ctrl-C: removes every bench container and says how long it took. */
export async function removeAllBenchLogged(engines) {
  log("removing every bench container…");
  const started = Date.now();
  const removed = await removeAllBench(engines);
  log(`removed ${removed} bench containers in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
