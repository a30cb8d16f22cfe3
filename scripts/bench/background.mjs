// What else the machine was doing. The engines and the 2 cores are shared: another `next build`, test run or
// Wharf server running alongside moves every figure, so the report says when that happened.
import { readFileSync, readdirSync } from "node:fs";
import { commandOf, processTree } from "./proc.mjs";

const KINDS = [
  ["next build", /next(\/dist\/bin\/next)? build/],
  ["vitest", /vitest/],
  ["playwright", /playwright/],
  ["another Wharf server", /^next-server/],
  ["chromium (not the bench's)", /chromium/],
];

function busyJiffies() {
  const fields = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = fields[3] + (fields[4] ?? 0);
  return { busy: fields.reduce((a, b) => a + b, 0) - idle, total: fields.reduce((a, b) => a + b, 0) };
}

export function watchBackground({ everyMs = 1_000 } = {}) {
  const phases = new Map();
  let current = "start";
  let last = busyJiffies();
  const entry = () => {
    if (!phases.has(current)) phases.set(current, { maxLoad: 0, busy: 0, total: 0, seen: new Map() });
    return phases.get(current);
  };
  const sample = () => {
    const phase = entry();
    phase.maxLoad = Math.max(phase.maxLoad, Number(readFileSync("/proc/loadavg", "utf8").split(" ")[0]));
    const now = busyJiffies();
    phase.busy += now.busy - last.busy;
    phase.total += now.total - last.total;
    last = now;
    const ours = new Set(processTree(process.pid));
    for (const pid of readdirSync("/proc")) {
      if (!/^\d+$/.test(pid) || ours.has(Number(pid))) continue;
      const command = commandOf(pid);
      for (const [kind, pattern] of KINDS) {
        if (!pattern.test(command)) continue;
        const pids = phase.seen.get(kind) ?? new Set();
        pids.add(pid);
        phase.seen.set(kind, pids);
      }
    }
  };
  const timer = setInterval(sample, everyMs);
  timer.unref();
  return {
    phase(name) {
      sample();
      current = name;
    },
    stop: () => clearInterval(timer),
    /** One line per phase: peak load average, CPU busy share (the bench's own work included), others seen. */
    describe() {
      return [...phases].map(([name, p]) => {
        const others =
          [...p.seen].map(([kind, pids]) => `${pids.size}× ${kind}`).join(", ") || "nothing else";
        return `${name}: load ≤ ${p.maxLoad.toFixed(1)}, CPU ${p.total ? ((100 * p.busy) / p.total).toFixed(0) : "?"}% busy; also running: ${others}`;
      });
    },
  };
}
