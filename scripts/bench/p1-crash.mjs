// P1 — crash to screen. A container dies at a moment the bench controls; the clock starts at the engine's own
// `die` timestamp and stops when (a) Wharf's event stream says the row exited and (b) a real Chromium page
// showing `/` flags the row. Baseline: a plain `GET /events` subscriber on the same engine.
import { createContainer, exec, removeContainer, subscribeEvents } from "./engine-api.mjs";
import { labels } from "./bench-containers.mjs";
import { describeFailure, newPage, watchProblems } from "./browser.mjs";
import { openEventStream } from "./sse-client.mjs";
import { log, nowMs, sleep, waitFor } from "./log.mjs";
import { summarize } from "./stats.mjs";

const KIND = "crash";
// The container polls for a file, so `docker exec … touch /tmp/go` decides the exact moment it exits 3.
const WAIT_THEN_CRASH = ["sh", "-c", "while [ ! -f /tmp/go ]; do sleep 0.05; done; exit 3"];
// Filtering the page to the crash containers, and removing each one after its trial, keeps the trial's row
// on screen: the virtualised table only renders the rows in view.
const PAGE_QUERY = `?q=wharf-bench-${KIND}`;

// Runs in the page before Wharf's scripts: notes, per container name, when its row first got flagged
// (DOM mutation) and when the frame after that had been produced, in the same wall clock as the engine.
export function watchFlaggedRows() {
  window.__flagged = {};
  const now = () => performance.timeOrigin + performance.now();
  const record = () => {
    for (const row of document.querySelectorAll("[data-testid=container-row][data-attention=exit]")) {
      const name = row.getAttribute("data-name");
      if (name in window.__flagged) continue;
      const seen = { dom: now(), frame: null };
      window.__flagged[name] = seen;
      requestAnimationFrame(() => setTimeout(() => (seen.frame = now()), 0));
    }
  };
  new MutationObserver(record).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ["data-attention"],
  });
}

export async function runCrashToScreen({ engines, server, browser, trialsPerHost }) {
  const dies = new Map(); // container id → { dieMs, receivedAt } from the plain engine subscription
  const wharfRows = new Map(); // container id → { runningAt, exitedAt } from Wharf's SSE
  const subscriptions = await Promise.all(
    engines.map((eng) =>
      subscribeEvents(
        eng,
        { type: ["container"], event: ["die"], label: ["wharf.bench.kind=" + KIND] },
        (event, receivedAt) => {
          dies.set(event.Actor.ID, { dieMs: event.timeNano / 1e6, receivedAt });
        },
        nowMs,
      ),
    ),
  );
  const sse = openEventStream(`${server.url}/api/events`, {
    headers: server.headers,
    now: nowMs,
    onEvent: (message, receivedAt) => {
      if (message.event !== "container") return;
      const { id, row } = JSON.parse(message.data);
      if (!row) return;
      const seen = wharfRows.get(id) ?? {};
      if (row.state === "running") seen.runningAt ??= receivedAt;
      if (row.state === "exited") seen.exitedAt ??= receivedAt;
      wharfRows.set(id, seen);
    },
  });
  await sse.snapshot;
  const { context, page } = await newPage(browser, server);
  const problems = watchProblems(page);
  // A selector that never matches should say what the page showed instead.
  const waitForRow = (selector, options = {}) =>
    page.waitForSelector(selector, options).catch(async (error) => {
      throw new Error(`${error.message}\n${await describeFailure(page, problems, server, "crash")}`);
    });
  await page.addInitScript(watchFlaggedRows);
  await page.goto(`${server.url}/${PAGE_QUERY}`);

  const baseline = [];
  const toSse = [];
  const toDom = [];
  const toFrame = [];
  try {
    for (let trial = 0; trial < trialsPerHost; trial++) {
      // Host by host in turn, so a slow host shows up as spread rather than as one slow block.
      for (const eng of engines) {
        const name = `wharf-bench-${KIND}-${eng.id}-${trial}`;
        const id = await createContainer(eng, {
          name,
          cmd: WAIT_THEN_CRASH,
          labels: labels(KIND),
          start: true,
        });
        // Only the die is being timed: the running row must already be in Wharf and on the page.
        await waitFor(`${name} running in Wharf`, () => wharfRows.get(id)?.runningAt, { everyMs: 10 });
        await waitForRow(`[data-testid=container-row][data-name="${name}"][data-state=running]`);
        await sleep(100);
        await exec(eng, id, ["touch", "/tmp/go"]);

        const die = await waitFor(`${name} die event`, () => dies.get(id), { everyMs: 5, timeoutMs: 10_000 });
        const exitedAt = await waitFor(
          `${name} exited in Wharf's stream`,
          () => wharfRows.get(id)?.exitedAt,
          { everyMs: 5, timeoutMs: 10_000 },
        );
        await waitForRow(`[data-testid=container-row][data-name="${name}"][data-attention=exit]`, {
          timeout: 10_000,
        });
        const flagged = await waitFor(
          `${name} flagged frame`,
          () => page.evaluate((n) => window.__flagged[n]?.frame && window.__flagged[n], name),
          { everyMs: 10 },
        );
        baseline.push(die.receivedAt - die.dieMs);
        toSse.push(exitedAt - die.dieMs);
        toDom.push(flagged.dom - die.dieMs);
        toFrame.push(flagged.frame - die.dieMs);
        await removeContainer(eng, id);
        await waitForRow(`[data-testid=container-row][data-name="${name}"]`, { state: "detached" });
      }
      log(
        `P1 crash: ${(trial + 1) * engines.length}/${trialsPerHost * engines.length} trials (last: stream ${toSse.at(-1).toFixed(0)} ms, screen ${toFrame.at(-1).toFixed(0)} ms)`,
      );
    }
  } finally {
    sse.close();
    subscriptions.forEach((s) => s.close());
    await context.close();
  }
  return {
    baseline: summarize(baseline),
    toSse: summarize(toSse),
    toDom: summarize(toDom),
    toFrame: summarize(toFrame),
  };
}
