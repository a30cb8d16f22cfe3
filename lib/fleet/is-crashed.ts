import { swarmServiceOf } from "./swarm-task";
import type { ListedContainer } from "./types";

/**
 * What "Restart crashed" acts on, the rule lib/actions/restart-crashed.ts applies on the server: exited with an
 * error, OOM-killed or dead. Restart loops are the engine's to handle, a swarm task's container the swarm's; a
 * row of a host that is down is not current.
 */
export function isCrashed(
  row: Pick<ListedContainer, "attention" | "labels"> & Partial<Pick<ListedContainer, "stale">>,
): boolean {
  if (row.stale || swarmServiceOf(row.labels) !== null) return false;
  const reason = row.attention;
  return reason === "exit" || reason === "oom" || reason === "dead";
}
