// P6's heap snapshot: what holds the serving process's memory at P6's point of the full run. The server runs with
// --heapsnapshot-signal (wharf-server.mjs); SIGUSR2 makes it write the snapshot into .fleet/bench/heap, and it
// answers no request until that is done. The analysis (heap-retainers.mjs) runs at the end of the run, in a
// process of its own with room for the parse, so it takes nothing from the phases' timings.
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { waitFor } from "./log.mjs";

const analyzer = path.join(path.dirname(fileURLToPath(import.meta.url)), "heap-retainers.mjs");

/** The NODE_OPTIONS a server needs to write snapshots into `dir` on SIGUSR2. */
export function heapSnapshotOptions(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return `--heapsnapshot-signal=SIGUSR2 --diagnostic-dir=${dir}`;
}

/** Asks the serving process (`pid`) for a snapshot; resolves with its file once it is written and the server answers. */
export async function takeHeapSnapshot({ server, pid, dir }) {
  process.kill(pid, "SIGUSR2");
  const file = await waitFor(
    "the heap snapshot to be written",
    async () => {
      const name = readdirSync(dir).find((entry) => entry.endsWith(".heapsnapshot"));
      if (!name) return false;
      // The server writes it before it answers again.
      const answered = (await fetch(`${server.url}/api/health`).catch(() => null))?.ok;
      return answered && path.join(dir, name);
    },
    { timeoutMs: 180_000, everyMs: 500 },
  );
  return { file, mb: statSync(file).size / 1e6 };
}

/** The heap's size and its three largest retainers (see heap-retainers.mjs), or the reason there are none. */
export function analyzeHeapSnapshot(file) {
  const run = spawnSync(process.execPath, ["--max-old-space-size=8192", analyzer, file, "3"], {
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  });
  if (run.status !== 0) return { error: run.stderr.trim().split("\n").at(-1) };
  return JSON.parse(run.stdout);
}
