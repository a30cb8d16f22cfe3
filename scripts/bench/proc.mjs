// Reads process facts from /proc: which processes a pid started, and how much memory they hold.
import { readdirSync, readFileSync } from "node:fs";

function parentOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may contain spaces and parentheses; fields after the last ")" are fixed.
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return null;
  }
}

function childMap() {
  const children = new Map();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const parent = parentOf(entry);
    if (parent === null) continue;
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(Number(entry));
  }
  return children;
}

export function childrenOf(pid) {
  return childMap().get(pid) ?? [];
}

/** `pid` and every process below it. */
export function processTree(pid) {
  const children = childMap();
  const tree = [];
  const queue = [pid];
  while (queue.length > 0) {
    const current = queue.shift();
    tree.push(current);
    queue.push(...(children.get(current) ?? []));
  }
  return tree;
}

export function commandOf(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean).join(" ");
  } catch {
    return "";
  }
}

/** VmRSS and VmHWM (peak) in MB, from /proc/PID/status. */
export function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (field) => Number(status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, "m"))?.[1] ?? 0);
    return { rssMb: kb("VmRSS") / 1024, peakMb: kb("VmHWM") / 1024 };
  } catch {
    return { rssMb: 0, peakMb: 0 };
  }
}

export function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
