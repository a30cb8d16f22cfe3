// After the bench creates containers, Wharf must learn about them from the engines' events. This waits for that
// and, when Wharf's list stops short, names what it never showed: a missing row is a finding, not a hang.
import { LABEL } from "./bench-containers.mjs";
import { listContainers } from "./engine-api.mjs";
import { log, sleep } from "./log.mjs";
import { getJson } from "./wharf-server.mjs";

export const STALL_MS = 30_000;

async function listedBench(server) {
  return (await getJson(server, "/api/containers")).containers.filter((c) => c.labels?.[LABEL] === "1");
}

async function missingFromWharf(engines, listed) {
  const seen = new Set(listed.map((c) => `${c.hostId}/${c.id}`));
  const missing = [];
  for (const eng of engines) {
    for (const c of await listContainers(eng, { label: [`${LABEL}=1`] })) {
      if (!seen.has(`${eng.id}/${c.Id}`)) missing.push(`${eng.id}/${c.Names[0].slice(1)} (${c.State})`);
    }
  }
  return missing;
}

/** Resolves with how long Wharf took and what it is missing once its list holds `expected` bench rows or stalls. */
export async function waitForWharf(server, engines, expected) {
  const started = Date.now();
  let last = -1;
  let lastChange = Date.now();
  let lastLog = Date.now();
  for (;;) {
    const listed = await listedBench(server);
    if (listed.length !== last) [last, lastChange] = [listed.length, Date.now()];
    if (listed.length === expected) break;
    if (Date.now() - lastLog > 10_000) {
      log(`  Wharf lists ${listed.length}/${expected} bench containers…`);
      lastLog = Date.now();
    }
    if (Date.now() - lastChange > STALL_MS) {
      const missing = await missingFromWharf(engines, listed);
      log(
        `WARNING: Wharf's list stopped at ${listed.length}/${expected} bench containers (no change for ${STALL_MS / 1000} s); missing ${missing.length}, e.g. ${missing.slice(0, 3).join(", ")}`,
      );
      return { seconds: (Date.now() - started) / 1000, expected, missing };
    }
    await sleep(500);
  }
  const seconds = (Date.now() - started) / 1000;
  log(`Wharf lists all ${expected} bench containers, ${seconds.toFixed(1)} s after the engines had them`);
  // Let the last inspects and incident checks finish, so the timings that follow see a settled server.
  await sleep(2_000);
  return { seconds, expected, missing: [] };
}

export function describeCatchUp({ seconds, expected, missing }) {
  if (missing.length === 0)
    return `Wharf listed all ${expected} ${seconds.toFixed(1)} s after the engines had created them.`;
  return `**Wharf never listed ${missing.length} of the ${expected}** (its list stopped changing for ${STALL_MS / 1000} s; e.g. ${missing.slice(0, 3).join(", ")}); the figures were taken anyway.`;
}
