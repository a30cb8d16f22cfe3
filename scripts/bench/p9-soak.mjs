// P9 — the soak: many live clients and a steady stream of list requests for minutes while containers come and
// go, watching the server's memory. A leak shows as RSS that keeps climbing after the first half; a failed
// request or a stream the server dropped shows in the counts.
import http from "node:http";
import { exec, createContainer, request } from "./engine-api.mjs";
import { labels } from "./bench-containers.mjs";
import { timedGet } from "./http-timing.mjs";
import { log, sleep } from "./log.mjs";
import { wharfMemory } from "./p6-memory.mjs";
import { openEventStream } from "./sse-client.mjs";
import { single, summarize } from "./stats.mjs";

// The ramp (runRamp, a phase of its own) steps the list rate up (`rampRates`, `rampStepMs` each) until its p95
// passes LIST_GOAL_MS: the most lists a second the server answers in time with the streams open and the churn going.
export const SOAK_FULL = {
  streams: 200,
  perSecond: 100,
  durationMs: 5 * 60_000,
  sampleEveryMs: 5_000,
  rampRates: [100, 200, 300, 400, 600, 800, 1200],
  rampStepMs: 15_000,
};
export const SOAK_QUICK = {
  streams: 200,
  perSecond: 100,
  durationMs: 60_000,
  sampleEveryMs: 3_000,
  rampRates: [100, 200, 400],
  rampStepMs: 5_000,
};
const LIST_GOAL_MS = 100;

const KIND = "soak";
const PREFIX = `wharf-bench-${KIND}-`;
// One in this many churned containers crashes (exit 3) rather than being stopped, so incidents open and end.
const CRASH_EVERY = 4;

/**
 * One churn loop per engine, one container at a time: create, start, then either let it crash (exit 3) or stop
 * it, and remove it. Returns a function that stops the loops and resolves with how many containers went through.
 */
function churn(engines) {
  let running = true;
  const counts = { cycles: 0, crashes: 0, errors: 0 };
  const loop = async (eng) => {
    for (let i = 0; running; i++) {
      const crash = i % CRASH_EVERY === CRASH_EVERY - 1;
      const name = `${PREFIX}${eng.id}-${i}`;
      try {
        const id = await createContainer(eng, {
          name,
          // The crash waits for its go so Wharf sees it running first (a start, then a die with exit 3).
          cmd: crash
            ? ["sh", "-c", "while [ ! -f /tmp/go ]; do sleep 0.05; done; echo soak: giving up >&2; exit 3"]
            : ["sleep", "3600"],
          labels: labels(KIND),
          start: true,
        });
        await sleep(300);
        if (crash) {
          await exec(eng, id, ["touch", "/tmp/go"]);
          await waitExited(eng, id);
          counts.crashes++;
        } else {
          await request(eng, "POST", `/containers/${id}/stop?t=0`);
        }
        await sleep(300);
        await request(eng, "DELETE", `/containers/${id}?force=1&v=1`);
        counts.cycles++;
      } catch (error) {
        counts.errors++;
        log(`P9: churn on ${eng.id} failed (${error.message}); going on`);
        await sleep(1_000);
      }
    }
  };
  const loops = engines.map(loop);
  return async () => {
    running = false;
    await Promise.all(loops);
    return counts;
  };
}

async function waitExited(eng, id) {
  for (let i = 0; i < 100; i++) {
    const res = await request(eng, "GET", `/containers/${id}/json`);
    if (JSON.parse(res.body).State?.Status === "exited") return;
    await sleep(50);
  }
}

/** `perSecond` GETs of the unfiltered list at a steady pace, half plain and half gzip (what browsers ask for). */
function listLoad(server, perSecond) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  const stats = { made: 0, failed: 0, errors: [], ms: [], statuses: new Map() };
  const started = Date.now();
  const inFlight = new Set();
  const fire = (i) => {
    const headers = i % 2 === 0 ? server.headers : { ...server.headers, "accept-encoding": "gzip" };
    stats.made++;
    const call = timedGet({ url: `${server.url}/api/containers`, headers, agent })
      .then((r) => {
        stats.ms.push(r.ms);
        if (r.status < 200 || r.status >= 300) {
          stats.failed++;
          stats.statuses.set(r.status, (stats.statuses.get(r.status) ?? 0) + 1);
        }
      })
      .catch((error) => {
        stats.failed++;
        if (stats.errors.length < 5) stats.errors.push(error.message);
      })
      .finally(() => inFlight.delete(call));
    inFlight.add(call);
  };
  // A tick catches up on the requests due by now, so a late timer does not lower the rate.
  const timer = setInterval(() => {
    const due = Math.floor(((Date.now() - started) / 1000) * perSecond);
    while (stats.made < due) fire(stats.made);
  }, 10);
  return async () => {
    clearInterval(timer);
    const seconds = (Date.now() - started) / 1000;
    await Promise.all(inFlight);
    agent.destroy();
    return { ...stats, seconds };
  };
}

/** Steps the list rate up until a step's p95 passes the goal or a request fails; returns every step taken. */
async function rampLists(server, rates, stepMs) {
  const steps = [];
  for (const rate of rates) {
    const stop = listLoad(server, rate);
    await sleep(stepMs);
    const load = await stop();
    const latency = summarize(load.ms);
    steps.push({ rate, made: load.made, failed: load.failed, median: latency.median, p95: latency.p95 });
    log(
      `P9 ramp: ${rate} lists/s asked, ${(load.made / load.seconds).toFixed(0)}/s made, ${load.failed} failed, p95 ${latency.p95.toFixed(1)} ms`,
    );
    if (latency.p95 > LIST_GOAL_MS || load.failed > 0) break;
  }
  return steps;
}

function openStreams(server, count) {
  return Array.from({ length: count }, () => {
    const stream = { churnEvents: 0, ended: null };
    stream.handle = openEventStream(`${server.url}/api/events`, {
      headers: server.headers,
      onEvent: (message) => {
        if (message.event === "container" && message.data.includes(PREFIX)) stream.churnEvents++;
      },
      onEnd: (reason) => (stream.ended = reason),
    });
    return stream;
  });
}

const mb = (v) => `${v.toFixed(0)} MB`;

/** Runs the soak against `server` on `engines`; returns the rows for the table and a line for the method notes. */
export async function runSoak({ server, engines, size }) {
  // The baseline: the same server, idle, before any soak client connects.
  await sleep(3_000);
  const idle = wharfMemory(server);
  log(`P9: idle ${mb(idle.totalMb)}; opening ${size.streams} event streams…`);
  const streams = openStreams(server, size.streams);
  await Promise.all(streams.map((s) => s.handle.snapshot));
  const afterConnect = wharfMemory(server);
  log(
    `P9: ${size.streams} streams open (${mb(afterConnect.totalMb)}); ${size.perSecond} lists/s and churn for ${size.durationMs / 1000} s`,
  );

  const samples = [];
  const started = Date.now();
  const sample = () => samples.push({ atMs: Date.now() - started, mb: wharfMemory(server).totalMb });
  sample();
  const stopChurn = churn(engines);
  const stopLoad = listLoad(server, size.perSecond);
  const sampler = setInterval(() => {
    sample();
    const last = samples.at(-1);
    log(`P9: ${(last.atMs / 1000).toFixed(0)} s, RSS ${mb(last.mb)}`);
  }, size.sampleEveryMs);
  await sleep(size.durationMs);
  clearInterval(sampler);
  sample();
  const load = await stopLoad();
  const churned = await stopChurn();
  // The last churn events are still on their way to the streams.
  await sleep(2_000);
  const open = streams.filter((s) => s.ended === null).length;
  const seen = streams.map((s) => s.churnEvents);
  const mostSeen = Math.max(...seen);
  const allSeen = streams.filter((s) => s.ended === null && s.churnEvents === mostSeen).length;
  const endReasons = [...new Set(streams.map((s) => s.ended).filter(Boolean))];
  streams.forEach((s) => s.handle.close());

  const end = samples.at(-1);
  const middle = samples.reduce((best, s) =>
    Math.abs(s.atMs - size.durationMs / 2) < Math.abs(best.atMs - size.durationMs / 2) ? s : best,
  );
  const secondHalf = samples.filter((s) => s.atMs >= middle.atMs);
  const max = Math.max(...samples.map((s) => s.mb));
  const maxSecondHalf = Math.max(...secondHalf.map((s) => s.mb));
  const growth = (end.mb - middle.mb) / middle.mb;
  const latency = summarize(load.ms);
  log(
    `P9: ${load.made} lists (${(load.made / load.seconds).toFixed(0)}/s), ${load.failed} failed; ${open}/${size.streams} streams open, ${allSeen} saw all ${mostSeen} churn events; RSS max ${mb(max)}, middle ${mb(middle.mb)}, end ${mb(end.mb)} (${(growth * 100).toFixed(1)}%)`,
  );
  const minutes = (size.durationMs / 60_000).toFixed(size.durationMs % 60_000 ? 1 : 0);
  const setting = `${size.streams} event streams, ${size.perSecond} \`GET /api/containers\`/s, ${minutes} min of churn (${churned.cycles} containers, ${churned.crashes} crashes)`;
  const baseline = {
    what: "same server idle, before the soak's clients connected",
    fig: single(idle.totalMb),
  };
  const failures = [
    ...[...load.statuses].map(([status, n]) => `${n}× ${status}`),
    ...load.errors.map((e) => `error: ${e}`),
  ];
  const rows = [
    {
      id: "P9",
      what: `soak: server RSS at the end, ${setting} — max ${mb(max)} (${mb(maxSecondHalf)} in the second half), middle ${mb(middle.mb)}, growth over the second half ${(growth * 100).toFixed(1)}%; ${mb(afterConnect.totalMb)} once the streams were open`,
      unit: "MB",
      fig: single(end.mb),
      baseline,
      goal: "≤ 300 MB, second half ≤ +10%",
      met: max <= 300 && growth <= 0.1,
    },
    {
      id: "P9",
      what: `soak: list requests failed of ${load.made} made (${(load.made / load.seconds).toFixed(0)}/s; answered in ${latency.median.toFixed(1)} ms median, ${latency.p95.toFixed(1)} ms p95)${failures.length ? ` — ${failures.join(", ")}` : ""}`,
      unit: "",
      fig: single(load.failed),
      baseline: null,
      goal: "0",
      met: load.failed === 0,
    },
    {
      id: "P9",
      what: `soak: \`GET /api/containers\` answered, ${size.perSecond}/s for ${minutes} min with ${size.streams} streams open and the churn going`,
      unit: "ms",
      fig: latency,
      baseline: null,
      goal: `p95 ≤ ${LIST_GOAL_MS} ms`,
      met: latency.p95 <= LIST_GOAL_MS,
    },
    {
      id: "P9",
      what: `soak: event streams still open at the end (${allSeen} received all ${mostSeen} churn events; fewest ${Math.min(...seen)})${endReasons.length ? ` — ended: ${endReasons.join(", ")}` : ""}`,
      unit: "",
      fig: single(open),
      baseline: null,
      goal: `${size.streams} of ${size.streams}`,
      met: open === size.streams && allSeen === size.streams,
    },
  ];
  const method = `P9: ${size.streams} \`/api/events\` streams opened at once (every snapshot received), then ${size.perSecond} \`GET /api/containers\` a second from the bench process at a steady pace (half with \`Accept-Encoding: gzip\`, over up to 16 kept-alive connections) for ${minutes} min, while one loop per engine creates a container, starts it, after 0.3 s stops it (or, every ${CRASH_EVERY}th, makes it exit 3 with a stderr line, opening an incident) and removes it. RSS (VmRSS of Wharf's processes) sampled every ${size.sampleEveryMs / 1000} s; growth over the second half compares the last sample with the one nearest the middle. Samples (s: MB): ${samples.map((s) => `${(s.atMs / 1000).toFixed(0)}: ${s.mb.toFixed(0)}`).join(", ")}.`;
  return { rows, method, samples, idle, load, open, churned };
}

/**
 * The most lists a second answered in time: the same clients as the soak (its streams, its churn) with the list
 * rate stepping up until a step's p95 passes the goal or a request fails. A phase of its own, last in the run: the
 * step that overloads the server leaves its heap grown, which no memory figure after it should carry.
 */
export async function runRamp({ server, engines, size }) {
  const streams = openStreams(server, size.streams);
  await Promise.all(streams.map((s) => s.handle.snapshot));
  const stopChurn = churn(engines);
  let steps;
  try {
    steps = await rampLists(server, size.rampRates, size.rampStepMs);
  } finally {
    await stopChurn();
    streams.forEach((s) => s.handle.close());
  }
  const passed = steps.filter((step) => step.p95 <= LIST_GOAL_MS && step.failed === 0);
  const best = passed.length > 0 ? Math.max(...passed.map((step) => step.rate)) : 0;
  const row = {
    id: "P9",
    what: `the most \`GET /api/containers\` a second answered within ${LIST_GOAL_MS} ms (p95), ${size.streams} streams open and the soak's churn going — steps of ${size.rampStepMs / 1000} s: ${steps.map((step) => `${step.rate}/s p95 ${step.p95.toFixed(0)} ms${step.failed ? ` (${step.failed} failed)` : ""}`).join(", ")}`,
    unit: "/s",
    fig: single(best),
    baseline: null,
    goal: "— (info)",
    met: null,
  };
  const method = `P9 ramp (last phase of the run, on the small fleet again): ${size.streams} \`/api/events\` streams and the soak's churn, then the list rate steps through ${size.rampRates.join(", ")}/s, ${size.rampStepMs / 1000} s each, until a step's p95 passes ${LIST_GOAL_MS} ms or a request fails.`;
  return { rows: [row], method };
}
