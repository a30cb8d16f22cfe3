import "server-only";
import type { EngineEvent } from "@/lib/docker/stream-events";
import type { Host } from "@/lib/docker/host-config";
import { readLogTail } from "@/lib/docker/read-log-tail";
import type { FleetStore } from "@/lib/fleet/live/fleet-store";
import type { ContainerRow } from "@/lib/fleet/types";
import { actionRunningOn } from "@/lib/actions/container-lock";
import { getDb } from "@/lib/history/db";
import { markCrashedAfter, settleCrashedAfter } from "@/lib/history/mark-crashed-after";
import { endIncident } from "@/lib/history/end-incident";
import { listIncidents } from "@/lib/history/list-incidents";
import { openIncident } from "@/lib/history/open-incident";
import { updateIncident } from "@/lib/history/update-incident";
import type { ExitCause } from "@/lib/fleet/types";
import { afterStop, classifyDie, decideCrash, freshRun, isRecovered, rememberEvent, type RunMemory } from "./classify";
import type { Incident } from "./types";

const LOG_LINES = 50;
// An `oom` event can reach the daemon just after the `die` it caused; within this much it re-labels that crash.
const OOM_AFTER_DIE_MS = 2_000;

/**
 * Turns container events and state changes into incidents in SQLite, and tells live clients. Pure decisions
 * live in ./classify; this class holds the per-container memory and does the I/O.
 */
export class IncidentTracker {
  private readonly runs = new Map<string, RunMemory>();
  private readonly causes = new Map<string, ExitCause>();

  constructor(private readonly store: FleetStore) {}

  exitCause(hostId: string, containerId: string): ExitCause | null {
    return this.causes.get(key(hostId, containerId)) ?? null;
  }

  /** Called for every container event, in order, before the container is re-inspected. */
  onEvent(host: Host, event: EngineEvent): void {
    const id = event.Actor.ID;
    const k = key(host.id, id);
    const action = event.Action;
    const attributes = event.Actor.Attributes ?? {};
    const at = eventMs(event);
    if (action === "die") {
      const cause = classifyDie(this.runs.get(k) ?? freshRun(), Number(attributes.exitCode ?? 0), at);
      this.causes.set(k, cause);
      // A new container failing its grace check mid-redeploy is the redeploy's failure, recorded in its
      // history row and rolled back: not an incident.
      const busy = actionRunningOn(host.id, attributes.name ?? "");
      if ((cause === "crash" || cause === "oom") && !busy) this.recordCrash(host, id, attributes, cause, at);
    } else if (action === "stop") {
      const cause = afterStop(this.causes.get(k));
      if (cause) this.causes.set(k, cause);
    } else if (action === "oom") {
      this.relabelAsOom(host.id, attributes.name ?? "", at);
    } else if (action === "destroy") {
      this.runs.delete(k);
      this.causes.delete(k);
    }
    this.runs.set(k, rememberEvent(this.runs.get(k) ?? freshRun(), action, attributes, at));
  }

  /**
   * Called with a container's state before and after a change. On a host's first read (`baseline`) nothing
   * opens: Wharf did not see those containers fail, and the fleet table already flags them.
   */
  onRowChange(host: Host, previous: ContainerRow | undefined, next: ContainerRow | undefined, extra: { healthOutput: string | null; baseline: boolean }): void {
    const name = next?.name ?? previous?.name;
    if (!name) return;
    const open = this.openFor(host.id, name);
    if (next && !extra.baseline) {
      const now = new Date().toISOString();
      if (next.health === "unhealthy" && previous?.health !== "unhealthy" && !open.some((i) => i.kind === "unhealthy")) {
        this.publish(openIncident(getDb(), { ...base(next, now), kind: "unhealthy", exitCode: null, healthOutput: extra.healthOutput }));
      }
      if (next.state === "dead" && previous?.state !== "dead" && !open.some((i) => i.kind === "dead")) {
        this.publish(openIncident(getDb(), { ...base(next, now), kind: "dead", exitCode: next.exitCode, healthOutput: null }));
      }
    }
    this.endRecovered(open, next, Date.now());
  }

  /** Ends the incidents of containers that have stayed up long enough since; runs on a slow server timer. */
  sweep(now = Date.now()): void {
    settleCrashedAfter(getDb(), now);
    for (const incident of listIncidents(getDb(), { open: true, limit: 1000 })) {
      if (!this.store.hostIds().includes(incident.hostId) || this.store.status(incident.hostId) !== "up") continue;
      this.endRecovered([incident], this.store.findRowByName(incident.hostId, incident.containerName), now);
    }
  }

  private endRecovered(open: Incident[], row: ContainerRow | undefined, now: number): void {
    for (const incident of open) {
      if (isRecovered(incident, row, now)) this.publish(endIncident(getDb(), incident.id, new Date(now).toISOString()));
    }
  }

  private recordCrash(host: Host, containerId: string, attributes: Record<string, string>, cause: "crash" | "oom", at: number): void {
    const name = attributes.name ?? containerId.slice(0, 12);
    const db = getDb();
    const decision = decideCrash(this.openFor(host.id, name), cause, at);
    const exitCode = Number(attributes.exitCode ?? 0);
    const iso = new Date(at).toISOString();
    const incident =
      decision.action === "open"
        ? openIncident(db, {
            hostId: host.id,
            containerName: name,
            containerId,
            image: attributes.image ?? "",
            kind: decision.kind,
            exitCode,
            openedAt: iso,
            lastAt: iso,
            count: 1,
            logTail: [],
            healthOutput: null,
          })
        : updateIncident(db, decision.incident.id, {
            kind: "restart-loop",
            count: decision.incident.count + 1,
            lastAt: iso,
            exitCode,
            containerId,
          });
    this.publish(incident);
    markCrashedAfter(db, host.id, name, at);
    // The evidence: read right away, while the engine still holds the logs of the run that died.
    readLogTail(host, containerId, LOG_LINES)
      .then((lines) => this.publish(updateIncident(getDb(), incident.id, { logTail: lines.map((line) => line.text) })))
      .catch(() => {});
  }

  private relabelAsOom(hostId: string, name: string, at: number): void {
    const latest = this.openFor(hostId, name).find((i) => i.kind === "exit" && Math.abs(at - Date.parse(i.lastAt)) <= OOM_AFTER_DIE_MS);
    if (latest) this.publish(updateIncident(getDb(), latest.id, { kind: "oom" }));
  }

  private openFor(hostId: string, containerName: string): Incident[] {
    return listIncidents(getDb(), { open: true, hostId, containerName });
  }

  private publish(incident: Incident): void {
    this.store.publish({ type: "incident", incident });
  }
}

function key(hostId: string, containerId: string): string {
  return `${hostId}/${containerId}`;
}

function eventMs(event: EngineEvent): number {
  return event.timeNano ? Math.floor(event.timeNano / 1e6) : event.time * 1000;
}

function base(row: ContainerRow, at: string) {
  return { hostId: row.hostId, containerName: row.name, containerId: row.id, image: row.image, openedAt: at, lastAt: at, count: 1, logTail: [] };
}
