// Turns the phases' results into the table's rows: figure, baseline from the same run, goal and whether it
// was met. A goal is met only when it holds for the median and for the p95.
import { history, redeploy } from "./not-built.mjs";
import { stormRows } from "./p8-storm.mjs";
import { replicasRows } from "./replicas.mjs";

// P4 and P5 come with their rows ready (see p4-redeploy.mjs, p5-history.mjs); a run that skipped them shows
// the placeholder with its goal.

const both = (fig, test) => (fig.single !== undefined ? test(fig.single) : test(fig.median) && test(fig.p95));
const atMost = (limit) => (fig) => both(fig, (v) => v <= limit);

const ratios = (fig, base) =>
  `${(fig.median / base.median).toFixed(2)}× the direct call at the median, ${(fig.p95 / base.p95).toFixed(2)}× at p95`;
const missingNote = (missing) =>
  missing > 0 ? `; ⚠ ${missing} bench containers never appeared in Wharf` : "";

export function buildRows(r) {
  const rows = [];
  if (r.p1) {
    const baseline = { what: "plain `GET /events` client sees the die", fig: r.p1.baseline };
    rows.push({
      id: "P1",
      what: "crash → `container` SSE message (row exited)",
      unit: "ms",
      fig: r.p1.toSse,
      baseline,
      goal: "p95 ≤ 300 ms",
      met: r.p1.toSse.p95 <= 300,
    });
    rows.push({
      id: "P1",
      what: "crash → row flagged in Chromium (frame after the DOM change)",
      unit: "ms",
      fig: r.p1.toFrame,
      baseline,
      goal: "p95 ≤ 300 ms",
      met: r.p1.toFrame.p95 <= 300,
    });
  }
  if (r.p7) {
    const baseline = { what: "plain `GET /events` client sees the die", fig: r.p7.baseline };
    const duplicates = r.p7.duplicates > 0 ? `; ⚠ ${r.p7.duplicates} duplicate messages` : "";
    rows.push({
      id: "P7",
      what: "crash → signed `incident.opened` webhook received (the crash wrote a stderr line)",
      unit: "ms",
      fig: r.p7.stderr,
      baseline,
      goal: "p95 ≤ 500 ms",
      met: r.p7.stderr.p95 <= 500,
      note: duplicates.slice(2) || undefined,
    });
    rows.push({
      id: "P7",
      what: "crash → webhook received, silent crash (an empty log tail: sent once the read is done)",
      unit: "ms",
      fig: r.p7.silent,
      baseline,
      goal: "p95 ≤ 500 ms",
      met: r.p7.silent.p95 <= 500,
    });
  }
  if (r.p2) {
    const n = r.p2.containers.toLocaleString("en-US");
    const baseline = {
      what: `direct \`GET /containers/json?all=1\` to ${r.p2.engine} (${r.p2.engineContainers.toLocaleString("en-US")} containers)`,
      fig: r.p2.direct,
    };
    const ratioMet = r.p2.plain.median <= 0.2 * r.p2.direct.median && r.p2.plain.p95 <= 0.2 * r.p2.direct.p95;
    rows.push({
      id: "P2",
      what: `\`GET /api/containers\`, ${n} containers, no compression`,
      unit: "ms",
      fig: r.p2.plain,
      baseline,
      goal: "≤ 20 ms and ≤ 0.2× direct",
      met: atMost(20)(r.p2.plain) && ratioMet,
      note: `${ratios(r.p2.plain, r.p2.direct)}${missingNote(r.p2.missing)}`,
    });
    rows.push({
      id: "P2",
      what: `\`GET /api/containers\`, ${n} containers, \`Accept-Encoding: gzip\` (what browsers send)`,
      unit: "ms",
      fig: r.p2.gzip,
      baseline,
      goal: "(same call as above)",
      met: null,
      note: ratios(r.p2.gzip, r.p2.direct),
    });
    rows.push({
      id: "P2",
      what: "response size, plain / gzip",
      unit: "size",
      fig: r.p2.plainBytes,
      extra: r.p2.gzipBytes,
      baseline: { what: `one engine's list (${r.p2.engine})`, fig: r.p2.directBytes },
      goal: "—",
      met: null,
    });
  }
  if (r.p3) {
    rows.push({
      id: "P3",
      what: `first render of \`/\`, ${r.p3.containers.toLocaleString("en-US")} containers (navigation → first row on screen)`,
      unit: "ms",
      fig: r.p3.firstRender.firstRender,
      baseline: {
        what: `same page, ${r.p3.smallContainers} containers (before scaling up)`,
        fig: r.p3.smallRender.firstRender,
      },
      goal: "p95 ≤ 800 ms",
      met: atMost(800)(r.p3.firstRender.firstRender),
      note: missingNote(r.p3.missing).slice(2) || undefined,
    });
    rows.push({
      id: "P3",
      what: `scroll top → bottom, one screen per frame (${r.p3.scroll.steps} frames, ${r.p3.scroll.blank} blank)`,
      unit: "ms",
      fig: r.p3.scroll.frames,
      baseline: { what: "same page idle (the browser's frame interval)", fig: r.p3.scroll.idle },
      goal: "— (smooth ≈ baseline)",
      met: null,
    });
    rows.push({
      id: "P3",
      what: `first-load JS of \`/\`, gzip (raw ${r.p3.js.raw.single.toFixed(0)} kB, ${r.p3.js.chunks} chunks)`,
      unit: "kB",
      fig: r.p3.js.gzip,
      baseline: { what: "`/_not-found`: framework + root layout only", fig: r.p3.jsFloor.gzip },
      // Issue 28: what `/` adds to the framework floor, which no page of Wharf can go below.
      goal: "≤ floor + 10 kB",
      met: r.p3.js.gzip.single - r.p3.jsFloor.gzip.single <= 10,
    });
  }
  if (r.p4) rows.push(...r.p4);
  if (r.p5) rows.push(...r.p5);
  for (const missing of [r.p4 ? null : redeploy, r.p5 ? null : history].filter(Boolean)) {
    rows.push({
      id: missing.id,
      what: missing.what,
      unit: "",
      fig: null,
      baseline: { what: missing.baseline, fig: null },
      goal: missing.goal,
      met: null,
      notBuilt: true,
    });
  }
  if (r.p8) rows.push(...stormRows(r.p8));
  rows.push(...replicasRows(r));
  if (r.p6) {
    const atStart = `at start (${r.p6.smallContainers} containers, no client) ${r.p6.idle.totalMb.toFixed(0)} MB`;
    rows.push({
      id: "P6",
      what: `server RSS, ${r.p6.containers.toLocaleString("en-US")} containers, ${r.p6.clients} SSE clients`,
      unit: "MB",
      fig: { n: 1, single: r.p6.at3k.totalMb },
      baseline: {
        what: "same server and fleet, just before the clients connected",
        fig: { n: 1, single: r.p6.at3k.before.totalMb },
      },
      goal: "≤ 250 MB",
      met: r.p6.at3k.totalMb <= 250,
      note: `next-server alone ${r.p6.at3k.servingMb.toFixed(0)} MB (peak ${r.p6.at3k.servingPeakMb.toFixed(0)} MB); ${atStart}`,
    });
    if (r.p6.heap) {
      const { heap } = r.p6;
      const mb = (value) => `${value.toFixed(1)} MB`;
      const held = (h) =>
        `${h.holder} ${mb(h.retainedMb)} at \`${h.path}\`${h.mostly ? ` (mostly its ${h.mostly.what}, ${mb(h.mostly.retainedMb)})` : ""}`;
      rows.push({
        id: "P6",
        what: heap.error
          ? `the serving process's JS heap at P6: the snapshot could not be read (${heap.error})`
          : `the serving process's JS heap at P6 (a heap snapshot, retained sizes); its three largest retainers: ${heap.holders.map(held).join("; ")}`,
        unit: "MB",
        fig: heap.error ? null : { n: 1, single: heap.heapMb },
        baseline: null,
        goal: "— (info)",
        met: null,
      });
    }
    if (r.p6.at10k) {
      rows.push({
        id: "P6",
        what: `server RSS, ${r.p6.containers10k.toLocaleString("en-US")} containers, ${r.p6.clients} SSE clients`,
        unit: "MB",
        fig: { n: 1, single: r.p6.at10k.totalMb },
        baseline: {
          what: "same server and fleet, just before the clients connected",
          fig: { n: 1, single: r.p6.at10k.before.totalMb },
        },
        goal: "(goal is for ≥ 3,000)",
        met: null,
        note: `next-server alone ${r.p6.at10k.servingMb.toFixed(0)} MB (peak ${r.p6.at10k.servingPeakMb.toFixed(0)} MB)`,
      });
    }
  }
  if (r.p9) rows.push(...r.p9.rows);
  return rows;
}
