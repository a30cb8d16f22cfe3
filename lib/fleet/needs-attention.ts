import { RECOVERED_AFTER_MS } from "./classify-exit";
import type { AttentionReason, ContainerRow } from "./types";

export type { AttentionReason } from "./types";

type AttentionInput = Pick<
  ContainerRow,
  "state" | "exitCode" | "oomKilled" | "health" | "restartCount" | "startedAt"
> &
  Partial<Pick<ContainerRow, "exitCause" | "lastExit">>;

/**
 * Why a container needs a human, or null, at time `now`. A clean exit is not a problem; a non-zero exit is,
 * unless Wharf saw it stopped or killed on purpose, and an OOM kill is named as such even though the engine
 * reports exit 137. A restart loop is flagged for its whole length, including the seconds the container runs
 * between deaths: a green "running" there would tell ops the problem went away.
 */
export function attentionReason(row: AttentionInput, now: number): AttentionReason | null {
  if (row.state === "dead") return "dead";
  if (inRestartLoop(row, now)) return "restart-loop";
  if (row.health === "unhealthy" && (row.state === "running" || row.state === "paused")) return "unhealthy";
  if (row.state === "exited" && row.oomKilled) return "oom";
  // `docker stop` ends in 143 or 137 and `docker kill` in 137: someone meant it, so it is no crash.
  const intended = row.exitCause === "stopped" || row.exitCause === "killed";
  if (row.state === "exited" && row.exitCode !== 0 && !intended) return "exit";
  return null;
}

/**
 * Docker is restarting it (`restarting`), or restarted it after a death and it has not yet held for the 10 s
 * after which Docker itself resets its backoff. A restart that followed a stop or kill someone asked for
 * (`docker restart`) is no loop.
 */
function inRestartLoop(row: AttentionInput, now: number): boolean {
  if (row.state === "restarting") return true;
  if (row.state !== "running" || row.restartCount === 0 || !row.startedAt) return false;
  const cause = row.lastExit?.cause;
  if (cause && cause !== "crash" && cause !== "oom") return false;
  return now < loopHoldsAt(row.startedAt);
}

/** When a running container's restart-loop verdict lapses by itself, if nothing else happens to it. */
export function loopHoldsAt(startedAt: string): number {
  return Date.parse(startedAt) + RECOVERED_AFTER_MS;
}

/** The last exit code worth showing: Docker's own while the container is down, Wharf's memory while it runs again. */
export function lastExitCode(row: Pick<ContainerRow, "state" | "exitCode" | "lastExit">): number {
  return row.state === "running" || row.state === "paused"
    ? (row.lastExit?.code ?? row.exitCode)
    : row.exitCode;
}

export function describeAttention(
  reason: AttentionReason,
  row: Pick<ContainerRow, "state" | "exitCode" | "lastExit">,
): string {
  switch (reason) {
    case "oom":
      return "killed: out of memory";
    case "exit":
      return `exited with code ${row.exitCode}`;
    case "restart-loop":
      return row.lastExit?.oom
        ? "restart loop, last run killed: out of memory"
        : `restart loop, last exit code ${lastExitCode(row)}`;
    case "unhealthy":
      return "failing health check";
    case "dead":
      return "dead";
  }
}
