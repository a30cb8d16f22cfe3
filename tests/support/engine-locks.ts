// Locks across processes for what one test does to an engine that another process's tests would notice: the two
// passes of the integration suite run at the same time (scripts/test.sh). A lock is a folder under the system's
// temporary folder; a holder is a file in it named by its process, so a holder that died is seen and swept.
//   shared     many at once, none while an exclusive holder is in (or waiting: it goes first)
//   exclusive  alone
// A process may ask for exclusive while it holds shared (every file holds the fleet shared): while it waits in
// line its own shared hold does not count, since its test is blocked in the wait and uses nothing.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.join(os.tmpdir(), "wharf-engine-locks");
/**
 * "fleet": whoever stops an engine; "autoheal-HOST": a Wharf with auto-heal on, watching HOST; "storm": the storm
 * engine's deaths at once, one pass's at a time (a start during the other's storm is what hung an engine).
 */
export type LockName = "fleet" | "storm" | `autoheal-${string}`;
export type Held = { release: () => void };

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The holders in `dir` (writer-*, reader-*, waiting-*), after sweeping those whose process is gone. */
function holders(dir: string): { writer: number | null; readers: number[] } {
  let writer: number | null = null;
  const readers: number[] = [];
  const waiting = new Set<number>();
  for (const entry of readdirSync(dir)) {
    const [kind, pidText] = entry.split("-");
    const pid = Number(pidText);
    if (!alive(pid)) {
      rmSync(path.join(dir, entry), { force: true });
      continue;
    }
    if (kind === "writer") writer = pid;
    else if (kind === "reader") readers.push(pid);
    else if (kind === "waiting") waiting.add(pid);
  }
  return { writer, readers: readers.filter((pid) => !waiting.has(pid)) };
}

/**
 * Takes `name` shared or exclusive, waiting as long as it takes (a holder ends with its test file: each file has
 * its own time limit). The wait looks every 200 ms: the holder is another process, with no event to await.
 */
export async function acquire(name: LockName, mode: "shared" | "exclusive"): Promise<Held> {
  const dir = path.join(root, name);
  mkdirSync(dir, { recursive: true });
  const me = process.pid;
  const pause = () => new Promise((resolve) => setTimeout(resolve, 200));
  if (mode === "exclusive") {
    const writer = path.join(dir, `writer-${me}`);
    const waiting = path.join(dir, `waiting-${me}`);
    writeFileSync(waiting, "");
    try {
      for (;;) {
        if (holders(dir).writer === null) {
          writeFileSync(writer, "");
          // Two made at once: both step back, and try again after a wait of their own length.
          if (readdirSync(dir).filter((entry) => entry.startsWith("writer-")).length === 1) break;
          rmSync(writer, { force: true });
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 1000));
        }
        await pause();
      }
    } finally {
      rmSync(waiting, { force: true });
    }
    // Readers of this process are its own test file: only others' are waited for.
    while (holders(dir).readers.some((pid) => pid !== me)) await pause();
    return { release: () => rmSync(writer, { force: true }) };
  }
  const reader = path.join(dir, `reader-${me}-${Math.random().toString(36).slice(2, 8)}`);
  for (;;) {
    const { writer } = holders(dir);
    if (writer === null || writer === me) {
      writeFileSync(reader, "");
      // A writer that came in between goes first: step back and wait for it.
      const again = holders(dir).writer;
      if (again === null || again === me) return { release: () => rmSync(reader, { force: true }) };
      rmSync(reader, { force: true });
    }
    await pause();
  }
}
