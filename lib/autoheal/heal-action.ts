import { swarmServiceOf } from "@/lib/fleet/swarm-task";
import type { ContainerRow } from "@/lib/fleet/types";
import { isWharfTransient } from "@/lib/fleet/wharf-transient";
import type { HealAction } from "./types";

type Healable = Pick<
  ContainerRow,
  "name" | "state" | "health" | "attention" | "exitCause" | "oomKilled" | "labels"
>;

/**
 * What a container needs from auto-heal, judged from its row alone: a running container failing its health
 * check is restarted (Docker never does that); one that crashed is started. A crash means Wharf saw it die of a
 * non-zero exit nobody asked for, or the kernel killed it for memory; a container a person stopped or killed,
 * or whose death Wharf did not see (the engine cannot tell `docker stop` from a crash afterwards), is left alone.
 * Whether Docker will restart it by itself is asked of the engine when the try comes (see dockerWillRestart).
 * A swarm task's container is never healed: the swarm replaces its tasks, whatever policy covers its labels.
 */
export function healAction(row: Healable): HealAction | null {
  if (isWharfTransient(row.name) || swarmServiceOf(row.labels) !== null) return null;
  if (row.state === "running" && row.health === "unhealthy") return "restart";
  if (row.state !== "exited") return null;
  if (row.exitCause === "stopped" || row.exitCause === "killed") return null;
  if (row.attention === "oom" && (row.exitCause === "oom" || row.oomKilled)) return "start";
  if (row.attention === "exit" && row.exitCause === "crash") return "start";
  return null;
}

/**
 * Docker restarts a dead container by itself unless its restart policy is `no`, or `on-failure` whose retries
 * are used up (`RestartCount` reached the maximum); `always` and `unless-stopped` never give up.
 */
export function dockerWillRestart(
  policy: { Name: string; MaximumRetryCount: number } | undefined,
  restartCount: number,
): boolean {
  const name = policy?.Name ?? "";
  if (name === "" || name === "no") return false;
  if (name === "on-failure")
    return policy!.MaximumRetryCount <= 0 || restartCount < policy!.MaximumRetryCount;
  return true;
}
