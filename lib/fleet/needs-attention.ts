import type { ContainerRow } from "./types";

export type AttentionReason = "oom" | "exit" | "restarting" | "unhealthy" | "dead";

/**
 * Why a container needs a human, or null. A clean exit is not a problem; a non-zero exit is, unless Wharf saw
 * it stopped or killed on purpose, and an OOM kill is named as such even though the engine reports exit 137.
 */
export function attentionReason(
  row: Pick<ContainerRow, "state" | "exitCode" | "oomKilled" | "health"> & Partial<Pick<ContainerRow, "exitCause">>,
): AttentionReason | null {
  if (row.state === "dead") return "dead";
  if (row.state === "restarting") return "restarting";
  if (row.health === "unhealthy" && (row.state === "running" || row.state === "paused")) return "unhealthy";
  if (row.state === "exited" && row.oomKilled) return "oom";
  // `docker stop` ends in 143 or 137 and `docker kill` in 137: someone meant it, so it is no crash.
  const intended = row.exitCause === "stopped" || row.exitCause === "killed";
  if (row.state === "exited" && row.exitCode !== 0 && !intended) return "exit";
  return null;
}

export function describeAttention(reason: AttentionReason, row: Pick<ContainerRow, "exitCode" | "restartCount">): string {
  switch (reason) {
    case "oom":
      return "killed: out of memory";
    case "exit":
      return `exited with code ${row.exitCode}`;
    case "restarting":
      return `restart loop (${row.restartCount} restarts)`;
    case "unhealthy":
      return "failing health check";
    case "dead":
      return "dead";
  }
}
