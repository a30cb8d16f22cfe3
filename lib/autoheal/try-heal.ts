import "server-only";
import { ActionFailedError } from "@/lib/actions/action-failure";
import { runLifecycleAction } from "@/lib/actions/run-lifecycle-action";
import type { ActionResult } from "@/lib/actions/types";
import { inspectContainer } from "@/lib/docker/inspect-container";
import { findHost } from "@/lib/docker/load-fleet";
import { withDeadline } from "@/lib/docker/with-deadline";
import { describeAttention } from "@/lib/fleet/needs-attention";
import type { ContainerRow } from "@/lib/fleet/types";
import { dockerWillRestart } from "./heal-action";
import { noteOnIncident } from "./note-on-incident";
import { emitAutoheal } from "./on-autoheal";
import { MAX_TRIES, type HealAction } from "./types";

// Auto-heal only starts and restarts, which an operator may do.
export const AUTOHEAL_CALLER = { actor: "autoheal", source: "autoheal", role: "operator" } as const;

export type Tried = { kind: "acted"; result: ActionResult } | { kind: "not-needed" } | { kind: "refused" };

/**
 * One try: asks the engine whether the container still needs it (the live row can lag by an event, and only
 * the engine knows the restart policy and count), then restarts or starts it through the ordinary action —
 * the container's lock, a history row with actor and source `autoheal` — and says so on the open incident.
 * `not-needed`: it recovered meanwhile, or Docker restarts it itself; `refused`: the host did not answer, or
 * another action took the lock first — nothing was recorded.
 */
export async function tryHeal(row: ContainerRow, action: HealAction, attempt: number): Promise<Tried> {
  const host = findHost(row.hostId);
  const inspected = await withDeadline(
    (signal) => inspectContainer(host, row.id, signal),
    host.timeoutMs,
  ).catch(() => null);
  if (!inspected) return { kind: "refused" };
  const state = inspected.State;
  if (action === "restart" && !(state.Running && state.Health?.Status === "unhealthy"))
    return { kind: "not-needed" };
  if (
    action === "start" &&
    (state.Running ||
      state.Restarting ||
      dockerWillRestart(inspected.HostConfig.RestartPolicy, inspected.RestartCount))
  )
    return { kind: "not-needed" };

  let result: ActionResult;
  try {
    result = await runLifecycleAction(row.hostId, row.id, action, AUTOHEAL_CALLER);
  } catch (error) {
    // An action that ran and failed is a try that failed (its history row says why); anything else (the lock
    // held by someone else, the container gone) means it never ran.
    if (!(error instanceof ActionFailedError)) return { kind: "refused" };
    result = error.result;
  }
  const why = row.attention ? describeAttention(row.attention, row) : "failing health check";
  const did = action === "restart" ? "restarted" : "started";
  const text =
    result.outcome === "succeeded"
      ? `Auto-heal ${did} the container (${why}), try ${attempt} of ${MAX_TRIES}`
      : `Auto-heal tried to ${action} the container (${why}), try ${attempt} of ${MAX_TRIES}: ${result.message}`;
  const incidentId = await noteOnIncident(row.hostId, row.name, text);
  emitAutoheal({
    type: "autoheal.acted",
    at: result.entry.at,
    hostId: row.hostId,
    containerName: row.name,
    action,
    try: attempt,
    maxTries: MAX_TRIES,
    historyId: result.historyId,
    outcome: result.outcome,
    message: result.message,
    incidentId,
  });
  return { kind: "acted", result };
}
