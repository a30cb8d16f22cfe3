// Locks across processes for what one test does to an engine that another process's tests would notice: the two
// passes of the integration suite run at the same time (scripts/test.sh). A lock is a folder under the system's
// temporary folder; a holder is a file in it named by its process, so a holder that died is seen and swept.
//   shared     many at once, none while an exclusive holder is in (or waiting: it goes first)
//   exclusive  alone
// A process may ask for exclusive while it holds shared (every file holds the fleet shared): while it waits in
// line its own shared hold does not count, since its test is blocked in the wait and uses nothing.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.join(os.tmpdir(), "wharf-engine-locks");
/**
 * "fleet": whoever stops an engine; "autoheal-HOST": a Wharf with auto-heal on, watching HOST; "storm": the storm
 * engine's deaths at once, one pass's at a time (a start during the other's storm is what hung an engine).
 */
export type LockName = "fleet" | "storm" | `autoheal-${string}`;
export type Held = { release: () => void };

/**
 * A process as "pid.start": its pid and when it started (/proc's clock ticks since boot). A pid alone is not
 * enough: a holder killed with its run leaves its file, the kernel gives its pid to a process of a later run, and
 * the lock was held for ever (both passes of a run waited on each other behind such a file).
 */
function processName(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name, in parentheses, may hold spaces: the fields are counted after its closing one.
    return `${pid}.${stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19]}`;
  } catch {
    return null;
  }
}

const me = processName(process.pid) ?? String(process.pid);

/** The holders in `dir` (writer-*, reader-*, waiting-*), after sweeping those whose process is gone. */
function holders(dir: string): { writer: string | null; readers: string[] } {
  let writer: string | null = null;
  const readers: string[] = [];
  const waiting = new Set<string>();
  for (const entry of readdirSync(dir)) {
    const [kind, owner = ""] = entry.split("-");
    if (processName(Number(owner.split(".")[0])) !== owner) {
      rmSync(path.join(dir, entry), { force: true });
      continue;
    }
    if (kind === "writer") writer = owner;
    else if (kind === "reader") readers.push(owner);
    else if (kind === "waiting") waiting.add(owner);
  }
  return { writer, readers: readers.filter((owner) => !waiting.has(owner)) };
}

/**
 * Takes `name` shared or exclusive, waiting as long as it takes (a holder ends with its test file: each file has
 * its own time limit). The wait looks every 200 ms: the holder is another process, with no event to await.
 */
export async function acquire(name: LockName, mode: "shared" | "exclusive"): Promise<Held> {
  const dir = path.join(root, name);
  mkdirSync(dir, { recursive: true });
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
    while (holders(dir).readers.some((owner) => owner !== me)) await pause();
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
