// P8 — event storm. `count` containers on one host block reading one named pipe; the bench opens and closes it
// for writing, and every reader gets EOF and exits 3 together (no polling, no exec per container). Measured:
// (a) each storm container's die (the engine's timeNano) → its incident on Wharf's event stream, and release →
// the last incident; (b) crashes on the other hosts during the storm (each its own pipe) → row flagged on a
// Chromium page (P1's method); (c) that page's frame intervals while the storm's updates arrive, against the
// same page idle. Baseline: a plain engine `GET /events` client seeing the same dies.
import { spawnSync } from "node:child_process";
import { closeSync, constants, mkdirSync, openSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { call, subscribeEvents } from "./engine-api.mjs";
import { LABEL, labels } from "./bench-containers.mjs";
import { describeFailure, newPage, watchProblems } from "./browser.mjs";
import { watchFlaggedRows } from "./p1-crash.mjs";
import { openEventStream } from "./sse-client.mjs";
import { log, nowMs, sleep, waitFor } from "./log.mjs";
import { pool } from "./pool.mjs";
import { summarize } from "./stats.mjs";
import { getJson } from "./wharf-server.mjs";

const KIND = "storm";
const CROSS_KIND = "storm-cross";
// Starting a container costs the engine far more than creating one: a few in flight keep it busy.
const START_IN_FLIGHT = 8;
const IDLE_MS = 5_000;
// A crash on another host every this often, from the release on, so they fall inside the storm's window.
const CROSS_EVERY_MS = 1_000;
// The crashes on other hosts are timed on a page filtered to them (P1's way: the virtual table renders only the
// rows in view, and a thousand flagged rows push them out of it); frames are timed on the plain fleet page.
const CROSS_QUERY = `?q=wharf-bench-${CROSS_KIND}`;
// Tall enough for all of them at once: as they fail, the "needs attention" panel above the table grows by a line
// each and pushes the table's later rows out of view, where the virtual table does not render them.
const crossViewHeight = (crossTrials) => 600 + crossTrials * 80;

const readUntilEof = (fifo) => ["sh", "-c", `cat /storm/${fifo} >/dev/null; exit 3`];

async function startBlocked(eng, name, kind, fifo, dir) {
  const created = await call(eng, "POST", `/containers/create?name=${encodeURIComponent(name)}`, {
    Image: "localhost/busybox:1",
    Cmd: readUntilEof(fifo),
    Labels: labels(kind),
    // No network at all, not even `none`'s: the engine (dockerd 20.10) gives a `none` container a network sandbox
    // and releases it on exit through one store lock, and a thousand releases at once deadlocked it there (its
    // goroutines stuck in libnetwork's unWatchSvcRecord and datastore) in two storms of four: every later call
    // on those containers hung, removals included. A network-disabled container skips that release.
    NetworkDisabled: true,
    HostConfig: { NetworkMode: "none", Binds: [`${dir}:/storm:ro`] },
  });
  await call(eng, "POST", `/containers/${created.Id}/start`);
  return created.Id;
}

/** Opens the pipe for writing and closes it: every reader blocked in open() then reads EOF. */
function release(dir, fifo) {
  // Non-blocking: with no reader it fails (ENXIO) rather than hanging the bench.
  closeSync(openSync(path.join(dir, fifo), constants.O_WRONLY | constants.O_NONBLOCK));
}

function mkfifo(dir, name) {
  const file = path.join(dir, name);
  rmSync(file, { force: true });
  // Node has no mkfifo; the coreutils one is everywhere the engines are.
  const { status } = spawnSync("mkfifo", ["-m", "0666", file]);
  if (status !== 0) throw new Error(`mkfifo ${file} failed`);
}

// In the page before Wharf's scripts: every animation frame's time (when each row was first flagged is P1's
// watchFlaggedRows).
function watchFrames() {
  const now = () => performance.timeOrigin + performance.now();
  window.__frames = [];
  const tick = () => {
    window.__frames.push(now());
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

const intervalsWithin = (frames, from, to) => {
  const out = [];
  for (let i = 1; i < frames.length; i++)
    if (frames[i] > from && frames[i] <= to) out.push(frames[i] - frames[i - 1]);
  return out;
};

export async function runStorm({ engines, server, browser, benchDir, count, crossTrials }) {
  const [stormEngine, ...others] = engines;
  const dir = path.join(benchDir, "storm");
  mkdirSync(dir, { recursive: true });
  mkfifo(dir, "storm");
  const crosses = Array.from({ length: crossTrials }, (_, i) => ({
    eng: others[i % others.length],
    name: `wharf-bench-${CROSS_KIND}-${others[i % others.length].id}-${i}`,
    fifo: `cross-${i}`,
  }));
  crosses.forEach((cross) => mkfifo(dir, cross.fifo));

  const dies = new Map(); // container id → { dieMs, receivedAt, exitCode } (plain engine subscriber)
  const subscriptions = await Promise.all(
    engines.map((eng) =>
      subscribeEvents(
        eng,
        { type: ["container"], event: ["die"], label: [`${LABEL}=1`] },
        (event, receivedAt) =>
          dies.set(event.Actor.ID, {
            dieMs: event.timeNano / 1e6,
            receivedAt,
            exitCode: event.Actor.Attributes.exitCode,
          }),
        nowMs,
      ),
    ),
  );
  const incidents = new Map(); // container id → first arrival of an incident for it on Wharf's stream
  const exited = new Map(); // container id → first arrival of its row as exited
  let streamMessages = 0;
  const hostDowns = []; // a watcher that gave up on its engine mid-storm: it reconnects and reads everything again
  const sse = openEventStream(`${server.url}/api/events`, {
    headers: server.headers,
    now: nowMs,
    onEvent: (message, receivedAt) => {
      streamMessages++;
      if (message.event === "incident") {
        const { incident } = JSON.parse(message.data);
        if (!incidents.has(incident.containerId)) incidents.set(incident.containerId, receivedAt);
      } else if (message.event === "host") {
        const { host } = JSON.parse(message.data);
        if (host.status === "down") hostDowns.push(`${host.id}: ${host.error}`);
      } else if (message.event === "container") {
        const { id, row } = JSON.parse(message.data);
        if (row?.state === "exited" && !exited.has(id)) exited.set(id, receivedAt);
      }
    },
  });
  await sse.snapshot;

  const names = Array.from(
    { length: count },
    (_, i) => `wharf-bench-${KIND}-${stormEngine.id}-${String(i).padStart(4, "0")}`,
  );
  let started = Date.now();
  let done = 0;
  const ids = await pool(names, START_IN_FLIGHT, async (name) => {
    const id = await startBlocked(stormEngine, name, KIND, "storm", dir);
    if (++done % 100 === 0) log(`  P8: ${done}/${count} storm containers running`);
    return id;
  });
  const startSeconds = (Date.now() - started) / 1000;
  log(`P8: started ${count} blocked containers on ${stormEngine.id} in ${startSeconds.toFixed(1)} s`);
  const crossIds = await pool(crosses, START_IN_FLIGHT, (c) =>
    startBlocked(c.eng, c.name, CROSS_KIND, c.fifo, dir),
  );
  crosses.forEach((c, i) => (c.id = crossIds[i]));

  await waitFor(
    "every storm container running in Wharf",
    async () => {
      const rows = (await getJson(server, "/api/containers")).containers;
      const kinds = new Set([KIND, CROSS_KIND]);
      const running = rows.filter((c) => kinds.has(c.labels?.["wharf.bench.kind"]) && c.state === "running");
      return running.length === count + crossTrials;
    },
    { timeoutMs: 120_000, everyMs: 500 },
  );

  const { context, page } = await newPage(browser, server);
  await page.addInitScript(watchFrames);
  await page.goto(`${server.url}/`);
  const crossView = await newPage(browser, server, { height: crossViewHeight(crossTrials) });
  const problems = watchProblems(crossView.page);
  await crossView.page.addInitScript(watchFlaggedRows);
  await crossView.page.goto(`${server.url}/${CROSS_QUERY}`);
  const waitForRow = (selector, options = {}) =>
    crossView.page.waitForSelector(selector, options).catch(async (error) => {
      throw new Error(
        `${error.message}\n${await describeFailure(crossView.page, problems, server, "storm")}`,
      );
    });
  await page.waitForSelector("[data-testid=container-row]", { timeout: 60_000 });
  await waitForRow(`[data-testid=container-row][data-name="${crosses[0]?.name}"][data-state=running]`, {
    timeout: 60_000,
  });
  // The readers must all be blocked in open() before the release; a running container is nearly there.
  await sleep(IDLE_MS);

  // What the page asks the server for while the storm's updates arrive (prefetches of new links, refetches).
  const pageRequests = new Map();
  page.on("request", (request) => {
    const url = new URL(request.url());
    const key = `${url.pathname}${url.searchParams.has("_rsc") ? " (rsc)" : ""}`.replace(
      /\/[^/]*storm[^/]*$/,
      "/…",
    );
    pageRequests.set(key, (pageRequests.get(key) ?? 0) + 1);
  });
  // BENCH_STORM_PAGE_PROF=1: the page's own CPU profile over the storm, for when its frames miss the goal.
  const cdp = process.env.BENCH_STORM_PAGE_PROF ? await context.newCDPSession(page) : null;
  await cdp?.send("Profiler.enable");
  await cdp?.send("Profiler.start");
  const releasedAt = nowMs();
  release(dir, "storm");
  // Had the bench's own stream dropped, no incident could be seen on it: say so rather than wait in vain.
  log(`P8: released ${count} containers on ${stormEngine.id} (${streamMessages} stream messages so far)`);
  const crossReleases = [];
  const crossing = (async () => {
    for (const cross of crosses) {
      await sleep(CROSS_EVERY_MS);
      release(dir, cross.fifo);
      crossReleases.push(nowMs());
    }
  })();

  const stormIds = new Set(ids);
  // Each incident's arrival on the bench's stream; if the stream misses some (it was cut off, or it fell behind),
  // the incident as Wharf recorded it (its openedAt) stands in, and the figures say how many did.
  const recorded = new Map();
  const hasIncident = (id) => incidents.has(id) || recorded.has(id);
  const allIn = () => ids.every(hasIncident) && ids.every((id) => dies.has(id));
  let lastLog = Date.now();
  let lastAsk = 0;
  try {
    await waitFor(
      "every storm container's incident",
      async () => {
        if (Date.now() - lastLog > 10_000) {
          log(
            `  P8: ${[...stormIds].filter((id) => dies.has(id)).length} dies, ${[...stormIds].filter(hasIncident).length} incidents (${streamMessages} stream messages)`,
          );
          lastLog = Date.now();
        }
        if (!allIn() && Date.now() - lastAsk > 2_000 && ids.every((id) => dies.has(id))) {
          lastAsk = Date.now();
          const url = `/api/incidents?open=1&host=${stormEngine.id}&limit=1000`;
          for (const incident of (await getJson(server, url)).incidents)
            if (stormIds.has(incident.containerId) && !incidents.has(incident.containerId))
              recorded.set(incident.containerId, Date.parse(incident.openedAt));
        }
        return allIn();
      },
      { timeoutMs: 180_000, everyMs: 100 },
    );
  } catch (error) {
    const noIncident = ids.filter((id) => !hasIncident(id)).length;
    log(`P8: ${noIncident} storm containers without an incident`);
    throw error;
  }
  const incidentAt = (id) => incidents.get(id) ?? recorded.get(id);
  const fromRecord = ids.filter((id) => !incidents.has(id)).length;
  await crossing;
  for (const cross of crosses) {
    await waitForRow(`[data-testid=container-row][data-name="${cross.name}"][data-attention=exit]`, {
      timeout: 30_000,
    });
  }
  await sleep(1_000);
  const stormEndAt = Math.max(...ids.map(incidentAt));
  if (cdp) {
    const { profile } = await cdp.send("Profiler.stop");
    writeFileSync(path.join(benchDir, "storm-page.cpuprofile"), JSON.stringify(profile));
  }
  const inPage = {
    frames: await page.evaluate(() => window.__frames),
    flagged: await crossView.page.evaluate(() => window.__flagged),
  };
  await context.close();
  await crossView.context.close();
  sse.close();
  subscriptions.forEach((s) => s.close());

  const stormDies = ids.map((id) => dies.get(id));
  const firstDie = Math.min(...stormDies.map((d) => d.dieMs));
  const lastDie = Math.max(...stormDies.map((d) => d.dieMs));
  const toIncident = ids.map((id) => incidentAt(id) - dies.get(id).dieMs);
  const baseline = ids.map((id) => dies.get(id).receivedAt - dies.get(id).dieMs);
  const toRowExited = ids.filter((id) => exited.has(id)).map((id) => exited.get(id) - dies.get(id).dieMs);

  const crossToFrame = [];
  const crossBaseline = [];
  // The same crashes on the bench's own stream: the server's part of the page's time.
  const crossToStream = [];
  let crossInside = 0;
  for (const cross of crosses) {
    const die = dies.get(cross.id);
    const seen = inPage.flagged[cross.name];
    if (!die || !seen?.frame) continue;
    crossToFrame.push(seen.frame - die.dieMs);
    crossBaseline.push(die.receivedAt - die.dieMs);
    if (exited.has(cross.id)) crossToStream.push(exited.get(cross.id) - die.dieMs);
    if (die.dieMs >= firstDie && die.dieMs <= lastDie) crossInside++;
  }
  const idleFrames = intervalsWithin(inPage.frames, releasedAt - IDLE_MS + 500, releasedAt);
  const stormFrames = intervalsWithin(inPage.frames, releasedAt, stormEndAt);

  // Correctness after the fact: Wharf's list and incidents hold every one.
  const rows = (await getJson(server, "/api/containers")).containers.filter((c) => stormIds.has(c.id));
  const open = (
    await getJson(server, `/api/incidents?open=1&host=${stormEngine.id}&limit=1000`)
  ).incidents.filter((i) => stormIds.has(i.containerId));
  const result = {
    count,
    host: stormEngine.id,
    startSeconds,
    dieSpreadMs: lastDie - firstDie,
    releaseToFirstDieMs: firstDie - releasedAt,
    releaseToLastIncidentMs: stormEndAt - releasedAt,
    releaseToLastDieSeenMs: Math.max(...stormDies.map((d) => d.receivedAt)) - releasedAt,
    toIncident: summarize(toIncident),
    baseline: summarize(baseline),
    toRowExited: summarize(toRowExited),
    rowsExited: rows.filter((r) => r.state === "exited").length,
    openIncidents: open.length,
    cross: summarize(crossToFrame),
    crossToStream: summarize(crossToStream),
    crossBaseline: summarize(crossBaseline),
    crossInside,
    crossReleased: crossReleases.length,
    frames: summarize(stormFrames),
    idleFrames: summarize(idleFrames),
    streamMessages,
    fromRecord,
    hostDowns,
    pageRequests: Object.fromEntries(pageRequests),
    lateIncidents: toIncident.filter((ms) => ms > 2_000).length,
  };
  log(
    `P8: ${count} dies over ${(result.dieSpreadMs / 1000).toFixed(1)} s; die → incident median ${result.toIncident.median.toFixed(0)} ms, max ${result.toIncident.max.toFixed(0)} ms; cross-host crash → page p95 ${result.cross.p95.toFixed(0)} ms (on Wharf's stream ${result.crossToStream.median.toFixed(0)} / ${result.crossToStream.p95.toFixed(0)} ms; ${crossInside}/${crosses.length} inside the storm); frames p95 ${result.frames.p95.toFixed(1)} ms (idle ${result.idleFrames.p95.toFixed(1)} ms); ${result.rowsExited}/${count} rows exited, ${result.openIncidents} open incidents; ${result.lateIncidents} incidents > 2 s after their die; host down messages: ${hostDowns.join("; ") || "none"}; page requests: ${JSON.stringify(result.pageRequests)}`,
  );
  return result;
}

/** The table's rows for P8 (rows.mjs adds them as it does P4's and P5's). */
export function stormRows(r) {
  const n = r.count.toLocaleString("en-US");
  const baseline = { what: "plain `GET /events` client sees the die", fig: r.baseline };
  const lost = r.rowsExited < r.count || r.openIncidents < r.count;
  const counts = `${r.rowsExited}/${r.count} rows exited, ${r.openIncidents} open incidents in \`/api/incidents\``;
  return [
    {
      id: "P8",
      what: `storm: ${n} containers on ${r.host} die at one release → each one's \`incident\` on Wharf's stream (from its die)`,
      unit: "ms",
      fig: r.toIncident,
      baseline,
      goal: "every one ≤ 5 s",
      met: r.toIncident.max <= 5_000 && !lost,
      note: `max ${r.toIncident.max.toFixed(0)} ms;${r.fromRecord ? ` ${r.fromRecord} not seen on the bench's stream, timed by their recorded openedAt;` : ""} the engine spread the ${n} dies over ${(r.dieSpreadMs / 1000).toFixed(1)} s (first ${(r.releaseToFirstDieMs / 1000).toFixed(1)} s after the release); ${counts}${lost ? " ⚠" : ""}`,
    },
    {
      id: "P8",
      what: "storm: release → last incident on Wharf's stream",
      unit: "ms",
      fig: { n: 1, single: r.releaseToLastIncidentMs },
      baseline: {
        what: "release → last die seen by the plain client",
        fig: { n: 1, single: r.releaseToLastDieSeenMs },
      },
      goal: "—",
      met: null,
    },
    {
      id: "P8",
      what: `crash on another host during the storm → row flagged in Chromium (${r.crossInside} of ${r.cross.n} inside the storm's dies)`,
      unit: "ms",
      fig: r.cross,
      baseline: { what: "plain `GET /events` client on that host sees the die", fig: r.crossBaseline },
      goal: "p95 ≤ 100 ms",
      met: r.cross.p95 <= 100,
      note: r.crossToStream?.n
        ? `on Wharf's stream (the bench's own client): median ${r.crossToStream.median.toFixed(0)} ms, p95 ${r.crossToStream.p95.toFixed(0)} ms`
        : undefined,
    },
    {
      id: "P8",
      what: "page frame interval while the storm's updates arrive (release → last incident)",
      unit: "ms",
      fig: r.frames,
      baseline: { what: "same page idle, just before the release", fig: r.idleFrames },
      goal: "p95 < 50 ms",
      met: r.frames.p95 < 50,
      note: `${r.streamMessages.toLocaleString("en-US")} stream messages in all`,
    },
  ];
}
