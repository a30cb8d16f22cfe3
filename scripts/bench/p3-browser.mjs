// P3 — the browser at scale: time to the first container row, scrolling the whole virtualised table, and the
// JavaScript `/` makes a first visit download.
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describeFailure, newPage, watchProblems } from "./browser.mjs";
import { log } from "./log.mjs";
import { single, summarize } from "./stats.mjs";

// Runs in the page before any of Wharf's scripts: the first moment a container row is in the DOM and laid out
// inside the viewport, and the moment the frame after it was produced (ms since navigation start).
function watchFirstRow() {
  window.__firstRow = null;
  // The first paint's data comes in the event stream's snapshot: when the stream was opened, and when the
  // snapshot arrived.
  window.__stream = { open: null, snapshot: null };
  const Native = window.EventSource;
  window.EventSource = class extends Native {
    constructor(...args) {
      super(...args);
      if (!String(args[0]).includes("/api/events")) return;
      window.__stream.open ??= performance.now();
      this.addEventListener("snapshot", () => (window.__stream.snapshot ??= performance.now()));
    }
  };
  const observer = new MutationObserver(() => {
    const row = document.querySelector("[data-testid=container-row]");
    if (!row) return;
    const box = row.getBoundingClientRect();
    if (box.height === 0 || box.top >= innerHeight) return;
    observer.disconnect();
    const seen = { dom: performance.now(), frame: null };
    window.__firstRow = seen;
    requestAnimationFrame(() => setTimeout(() => (seen.frame = performance.now()), 0));
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true });
}

/** Cold loads of `/` (a fresh browser context each, so nothing is cached), in ms from navigation start. */
export async function measureFirstRender({ browser, server, trials, label }) {
  const frames = [];
  const breakdowns = [];
  for (let trial = 0; trial < trials; trial++) {
    const { context, page } = await newPage(browser, server);
    const problems = watchProblems(page);
    try {
      await page.addInitScript(watchFirstRow);
      await page.goto(`${server.url}/`, { waitUntil: "commit" });
      await page
        .waitForSelector("[data-testid=container-row]", { state: "visible", timeout: 60_000 })
        .catch(async (error) => {
          throw new Error(
            `${error.message}\n${await describeFailure(page, problems, server, "first-render")}`,
          );
        });
      await page.waitForFunction(() => window.__firstRow?.frame, null, { polling: 10 });
      const result = await page.evaluate(() => {
        const nav = performance.getEntriesByType("navigation")[0];
        const list = performance.getEntriesByType("resource").find((r) => r.name.endsWith("/api/containers"));
        return {
          firstRow: window.__firstRow.frame,
          html: nav.responseEnd,
          domContentLoaded: nav.domContentLoadedEventEnd,
          listStart: list?.startTime ?? null,
          listFirstByte: list?.responseStart ?? null,
          listEnd: list?.responseEnd ?? null,
          streamOpen: window.__stream.open,
          snapshot: window.__stream.snapshot,
          rows: document.querySelectorAll("[data-testid=container-row]").length,
        };
      });
      frames.push(result.firstRow);
      breakdowns.push(result);
    } finally {
      await context.close();
    }
  }
  log(`P3 first render (${label}): median ${summarize(frames).median.toFixed(0)} ms`);
  const median = (key) => summarize(breakdowns.map((b) => b[key]).filter((v) => v !== null)).median;
  return {
    firstRender: summarize(frames),
    // Where the time goes, as medians: document received, scripts run, fleet JSON fetched.
    breakdown: {
      html: median("html"),
      domContentLoaded: median("domContentLoaded"),
      listStart: median("listStart"),
      listFirstByte: median("listFirstByte"),
      listEnd: median("listEnd"),
      streamOpen: median("streamOpen"),
      snapshot: median("snapshot"),
    },
  };
}

/**
 * Scrolls the page (the table is virtualised against the window) from top to bottom, one window height per animation frame (every frame shows rows that
 * were not in the DOM before: the worst case for a virtualised list), and records frame-to-frame times.
 * Baseline: the same page's frame times while idle, i.e. the browser's own frame interval.
 */
export async function measureScroll({ browser, server }) {
  const { context, page } = await newPage(browser, server);
  try {
    await page.goto(`${server.url}/`);
    await page.waitForSelector("[data-testid=container-row]", { state: "visible", timeout: 60_000 });
    await page.waitForTimeout(1_000);
    const result = await page.evaluate(async () => {
      const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      // The table is virtualised against the window: the page itself scrolls.
      const page = document.scrollingElement;
      const table = document.querySelector("[data-testid=container-scroller]");
      // The table sits below the host cards: bring it on screen, or the blank-frame probe looks past the table.
      table.scrollIntoView({ block: "start" });
      await nextFrame();
      const idle = [];
      let last = await nextFrame();
      for (let i = 0; i < 120; i++) {
        const t = await nextFrame();
        idle.push(t - last);
        last = t;
      }
      const step = Math.max(innerHeight, page.scrollHeight / 1000);
      const frames = [];
      let blank = 0;
      last = await nextFrame();
      while (page.scrollTop + innerHeight < page.scrollHeight - 1) {
        page.scrollTop += step;
        const t = await nextFrame();
        frames.push(t - last);
        last = t;
        // A frame with no row under the middle of the table's visible part is a blank (checkerboarded) frame.
        const box = table.getBoundingClientRect();
        const y = (Math.max(box.top, 0) + Math.min(box.bottom, innerHeight)) / 2;
        const hit = document.elementFromPoint(box.left + box.width / 2, y);
        if (!hit?.closest("[data-testid=container-row]")) blank++;
      }
      const rows = document.querySelectorAll("[data-testid=container-row]");
      return {
        idle,
        frames,
        blank,
        scrollHeight: page.scrollHeight,
        step,
        lastRowName: rows[rows.length - 1]?.getAttribute("data-name"),
        rowsInDom: rows.length,
      };
    });
    log(
      `P3 scroll: ${result.frames.length} frames over ${(result.scrollHeight / 1000).toFixed(0)}k px, median ${summarize(result.frames).median.toFixed(1)} ms, ${result.blank} blank`,
    );
    return {
      frames: summarize(result.frames),
      idle: summarize(result.idle),
      blank: result.blank,
      steps: result.frames.length,
      rowsInDom: result.rowsInDom,
    };
  } finally {
    await context.close();
  }
}

/**
 * First-load JS of a route from the build's own diagnostics (Next 16 prints no table). The file lists chunk
 * paths and raw bytes only, so the gzip size is computed here at zlib's default level, as a server would send it.
 */
export function firstLoadJs(root, route) {
  const stats = JSON.parse(
    readFileSync(path.join(root, ".next/diagnostics/route-bundle-stats.json"), "utf8"),
  );
  const entry = stats.find((item) => item.route === route);
  if (!entry) throw new Error(`route ${route} not in route-bundle-stats.json`);
  let raw = 0;
  let gzip = 0;
  for (const chunk of entry.firstLoadChunkPaths) {
    const bytes = readFileSync(path.join(root, chunk));
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  return {
    raw: single(raw / 1000),
    gzip: single(gzip / 1000),
    listedRaw: entry.firstLoadUncompressedJsBytes,
    chunks: entry.firstLoadChunkPaths.length,
  };
}
