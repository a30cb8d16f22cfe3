#!/usr/bin/env node
// `npm run bench`: measures Wharf against the dev fleet and writes BENCHMARKS.md. The engines are shared with
// other people's test runs, so the whole run holds /tmp/wharf-engines.lock (the lock their runs take too):
// without it, thousands of bench containers would land in the middle of someone's integration test.
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { childrenOf } from "./bench/proc.mjs";

const LOCK = "/tmp/wharf-engines.lock";
const here = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(here), "..");
process.env.NEXT_TELEMETRY_DISABLED = "1";

// P5 alone (BENCH_ONLY=p5) touches no engine: it need not wait for a test run to finish.
if (process.env.WHARF_BENCH_LOCKED !== "1" && process.env.BENCH_ONLY !== "p5") {
  if (spawnSync("flock", ["-n", LOCK, "true"]).status !== 0)
    console.log(`[bench] waiting for ${LOCK} (a test run holds it)…`);
  // -o: the lock stays with flock itself, so no process the bench starts (an engine, a server) can inherit it.
  // detached: Ctrl-C must not reach flock, which would die and free the lock while the bench still cleans up.
  const child = spawn("flock", ["-o", LOCK, process.execPath, here, ...process.argv.slice(2)], {
    stdio: "inherit",
    detached: true,
    env: { ...process.env, WHARF_BENCH_LOCKED: "1" },
  });
  // Passed on to the bench alone: it removes its containers, stops its server and exits; flock follows.
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => childrenOf(child.pid).forEach((pid) => process.kill(pid, "SIGTERM")));
  }
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  const { main } = await import("./bench/main.mjs");
  try {
    await main({ root });
  } catch (error) {
    console.error(`[bench] failed: ${error.stack ?? error}`);
    // A phase that failed midway leaves its event subscriptions open, which would keep this process (and the
    // engines' lock) alive forever; its containers and server are already cleaned up by then.
    process.exit(1);
  }
}
