import type { ExitCause } from "./types";

/** What Wharf remembers of one container's current run, from its events. */
export type RunMemory = { kills: { signal: string; at: number }[]; oom: boolean };
export const freshRun = (): RunMemory => ({ kills: [], oom: false });

// `docker stop` sends TERM then, after its timeout (10 s by default, rarely more than minutes), KILL.
const ENDING_SIGNALS = new Set(["9", "15", "KILL", "TERM", "SIGKILL", "SIGTERM"]);
export const STOP_WINDOW_MS = 5 * 60_000;
// Any other signal (HUP to reload, USR1…) only explains a death that follows it at once.
const OTHER_SIGNAL_WINDOW_MS = 2_000;

/** Folds a container event (at `at` ms) into the memory of its current run. */
export function rememberEvent(
  memory: RunMemory,
  action: string,
  attributes: Record<string, string>,
  at: number,
): RunMemory {
  switch (action) {
    case "start":
      return freshRun();
    case "kill":
      return { ...memory, kills: [...memory.kills, { signal: attributes.signal ?? "?", at }] };
    case "oom":
      return { ...memory, oom: true };
    default:
      return memory;
  }
}

/**
 * Classifies a `die`. The kernel's OOM kill wins over everything. A kill or stop that came first means a
 * person or a tool ended it — `docker stop` ends in 137 or 143 and is no crash; the `stop` event that follows a
 * stop's die turns "killed" into "stopped" (see `afterStop`). Only a non-zero exit nobody asked for is a crash.
 */
export function classifyDie(memory: RunMemory, exitCode: number, at: number): ExitCause {
  if (memory.oom) return "oom";
  if (exitCode === 0) return "clean";
  const intended = memory.kills.some(
    (kill) => at - kill.at <= (ENDING_SIGNALS.has(kill.signal) ? STOP_WINDOW_MS : OTHER_SIGNAL_WINDOW_MS),
  );
  return intended ? "killed" : "crash";
}

export function afterStop(cause: ExitCause | undefined): ExitCause | undefined {
  return cause === "killed" ? "stopped" : cause;
}

/** Docker itself resets its restart backoff after a container ran 10 s; Wharf takes the same as "recovered". */
export const RECOVERED_AFTER_MS = 10_000;
