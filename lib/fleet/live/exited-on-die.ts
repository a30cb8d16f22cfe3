import "server-only";
import { attentionReason } from "../needs-attention";
import type { ContainerRow, LastExit } from "../types";

const ALIVE = new Set(["running", "paused", "restarting"]);

/**
 * A row as its `die` event tells it, before the engine is asked again. In a storm the engine answers inspects
 * seconds late (it is busy reaping the dead), and until then the page and the incident sweep would see the
 * container still running. The inspect that follows replaces this with the engine's own account (a restart
 * policy's `restarting`, the exact finish time). Null when the row is not one the death changes, or when a
 * restart policy has already brought the container back: the row does not hold the policy, so whether this death
 * leaves it `exited` or `restarting` (a restart loop, flagged as such throughout) is the engine's to say.
 */
export function exitedOnDie(
  row: ContainerRow | undefined,
  exitCode: number,
  at: number,
  lastExit: LastExit | null,
  now: number,
): ContainerRow | null {
  if (!row || !ALIVE.has(row.state) || row.restartCount > 0) return null;
  const next: ContainerRow = {
    ...row,
    state: "exited",
    exitCode,
    oomKilled: lastExit?.oom ?? false,
    finishedAt: new Date(at).toISOString(),
    lastExit,
    exitCause: lastExit?.cause ?? null,
  };
  return { ...next, attention: attentionReason(next, now) };
}
