import { RECOVERED_AFTER_MS } from "@/lib/fleet/classify-exit";
import type { EndReason, Incident, IncidentKind } from "@/lib/fleet/incident-types";
import type { ContainerRow } from "@/lib/fleet/types";

/** Dies closer together than this belong to one restart-loop incident. */
export const LOOP_WINDOW_MS = 5 * 60_000;

const crashKinds: IncidentKind[] = ["exit", "oom", "restart-loop"];

export type CrashDecision =
  { action: "open"; kind: "exit" | "oom" } | { action: "bump"; incident: Incident } | { action: "seen" };

/**
 * A crash either opens an incident or, close after an open one, grows it into a restart loop. A death at or
 * before the open incident's latest one was already counted: the engine replays the last second's events when
 * Wharf restarts or reconnects.
 */
export function decideCrash(open: Incident[], cause: "crash" | "oom", at: number): CrashDecision {
  const recent = open.find(
    (incident) => crashKinds.includes(incident.kind) && at - Date.parse(incident.lastAt) <= LOOP_WINDOW_MS,
  );
  if (recent && Date.parse(recent.lastAt) >= at) return { action: "seen" };
  if (recent) return { action: "bump", incident: recent };
  return { action: "open", kind: cause === "oom" ? "oom" : "exit" };
}

/** Whether an open incident is over, given the container as it is now (undefined: removed). */
export function isRecovered(incident: Incident, row: ContainerRow | undefined, now: number): boolean {
  if (!row) return true;
  if (incident.kind === "unhealthy")
    return row.health !== "unhealthy" && row.state === "running" && row.health !== "starting";
  if (row.state !== "running" || row.health === "unhealthy" || row.health === "starting") return false;
  if (row.startedAt === null) return false;
  const started = Date.parse(row.startedAt);
  // A row that last started before the death is one the engine has not yet answered for since (in a storm,
  // its inspect is queued): it says nothing about recovery.
  if (incident.kind !== "dead" && started < Date.parse(incident.lastAt)) return false;
  return now - started >= RECOVERED_AFTER_MS;
}

/**
 * Why an incident `isRecovered` said is over ended: its container is gone (`docker rm`), another container
 * runs under its name (a redeploy or a rollback replaced it: a restart keeps the id), or it ran again.
 */
export function endReason(incident: Incident, row: ContainerRow | undefined): EndReason {
  if (!row) return "removed";
  return row.id !== incident.containerId ? "replaced" : "recovered";
}

// What a stop (SIGTERM) or a kill (SIGKILL) leaves: without the event that said who sent it, not a crash.
const SIGNALLED = new Set([137, 143]);

/**
 * A death Wharf learned of only by reading the container again (the engine dropped its `die` event for a
 * subscriber that fell behind, in a storm), that no event explained: a running container now exited non-zero,
 * or one whose restart policy has already brought it back (its restart count grew; the engine keeps the dead
 * run's exit code and finish time). Returns its time, or null. A signal's exit code is left alone: it was far
 * more likely a stop or a kill.
 */
export function unexplainedDeath(previous: ContainerRow | undefined, next: ContainerRow): number | null {
  if (!previous || next.exitCause !== null) return null;
  const exited = LIVE.has(previous.state) && next.state === "exited";
  // A death already read (the row showed it exited) is not a new one when the policy then restarts it, and a
  // row without a start time came from the engine's list (its inspect unanswered), which has no restart count.
  const restarted =
    previous.startedAt !== null &&
    next.restartCount > previous.restartCount &&
    next.state !== "exited" &&
    next.finishedAt !== previous.finishedAt;
  if (!exited && !restarted) return null;
  if (next.exitCode === 0 || (SIGNALLED.has(next.exitCode) && !next.oomKilled)) return null;
  return next.finishedAt ? Date.parse(next.finishedAt) : null;
}

// A container in either state was alive (or about to be again) when last read.
const LIVE = new Set<ContainerRow["state"]>(["running", "restarting"]);

export type RowEffects = { opensUnhealthy: boolean; opensDead: boolean; mayEnd: boolean };

/**
 * What a row change of a container nobody else is handling (not Wharf's own) may do to its incidents, judged from
 * the change alone, before any read: a storm's deaths (running → exited) may do nothing, and so read nothing.
 * Only a running container (or a removed one) can end an incident.
 */
export function rowEffects(previous: ContainerRow | undefined, next: ContainerRow | undefined): RowEffects {
  const failing = next?.health === "unhealthy" && next.state === "running";
  const wasFailing = previous?.health === "unhealthy" && previous.state === "running";
  return {
    opensUnhealthy: failing && !wasFailing,
    opensDead: next?.state === "dead" && previous?.state !== "dead",
    mayEnd: !next || next.state === "running",
  };
}
