import "server-only";
import type { Host } from "@/lib/docker/host-config";
import type { Incident } from "@/lib/fleet/incident-types";
import type { FleetChange } from "@/lib/fleet/live/change-feed";
import { holdCursor } from "@/lib/fleet/live/recording-barrier";
import type { FleetStore } from "@/lib/fleet/live/fleet-store";
import type { ContainerRow } from "@/lib/fleet/types";
import { isWharfTransient } from "@/lib/fleet/wharf-transient";
import { actionRunningOn } from "@/lib/actions/container-lock";
import type { Kysely } from "kysely";
import { getDatabase } from "@/lib/db/database";
import type { HistoryTables } from "@/lib/history/db/history-table";
import { markCrashedAfter } from "@/lib/history/db/mark-crashed-after";
import { settleCrashedAfter } from "@/lib/history/db/settle-crashed-after";
import { decideCrash, endReason, isRecovered, rowEffects, unexplainedDeath } from "./classify";
import { endIncident } from "./db/end-incident";
import type { IncidentTables } from "./db/incident-table";
import { listIncidents } from "./db/list-incidents";
import { openIncident } from "./db/open-incident";
import { updateIncident } from "./db/update-incident";
import { inIncidentOrder } from "./in-incident-order";
import { newIncidentOf } from "./new-incident-of";
import { LogTailReader } from "./log-tail-reader";

const LOG_LINES = 50;
// An `oom` event can reach the daemon just after the `die` it caused; within this much it re-labels that crash.
const OOM_AFTER_DIE_MS = 2_000;
// A `die` event arriving this close after the death a re-read already recorded is that same death, late.
const SAME_DEATH_MS = 2_000;
const NOT_YET_READ_MS = 60_000;

type EventChange = Extract<FleetChange, { kind: "event" }>;
type RowChange = Extract<FleetChange, { kind: "row" }>;

/**
 * Turns the watchers' change feed into incidents in the database, and tells live clients. Pure decisions live in
 * ./classify; this class does the I/O. Only failures nobody asked for open one: Wharf's own actions and
 * transient containers, `docker stop`, `docker kill` and `docker rm -f` do not. What is Wharf's own is judged
 * when the change arrives; the reads and writes then run in arrival order (inIncidentOrder), one change at a
 * time, as they did when they were synchronous: on SQLite a burst still drains in the same turn, query by query.
 */
export class IncidentTracker {
  private readonly recheck = new Set<string>();
  private readonly logs = new LogTailReader();
  // Container id → when it last died, as its `die` event said, and as a re-read found (the event was dropped).
  private readonly eventDeaths = new Map<string, number>();
  private readonly readDeaths = new Map<string, number>();

  constructor(private readonly store: FleetStore) {}

  onChange(change: FleetChange): void {
    if (change.kind === "event") this.onEvent(change);
    else this.onRowChange(change);
  }

  private write(what: string, task: (db: Kysely<IncidentTables>) => Promise<void>): void {
    const written = inIncidentOrder(async () => task(await getDatabase<IncidentTables>())).catch(
      (error: unknown) => console.error(`[wharf] ${what} failed`, error),
    );
    holdCursor(written);
  }

  private onEvent({ host, event, exitCause }: EventChange): void {
    const attributes = event.Actor.Attributes ?? {};
    const name = attributes.name ?? "";
    if (this.ownedByWharf(host.id, name)) return;
    const at = event.timeNano ? Math.floor(event.timeNano / 1e6) : event.time * 1000;
    if (event.Action === "die") remember(this.eventDeaths, event.Actor.ID, at);
    if (event.Action === "die" && (exitCause === "crash" || exitCause === "oom")) {
      const read = this.readDeaths.get(event.Actor.ID);
      if (read !== undefined && Math.abs(at - read) <= SAME_DEATH_MS) return;
      this.write(`recording the crash of ${name} on ${host.id}`, (db) =>
        this.recordCrash(db, host, event.Actor.ID, attributes, exitCause, at),
      );
    } else if (event.Action === "oom") {
      this.write(`marking ${name} on ${host.id} as killed for memory`, (db) =>
        this.relabelAsOom(db, host.id, name, at),
      );
    }
  }

  /**
   * A container's state before and after a change. On a host's first read (`baseline`) nothing opens: Wharf did
   * not see those containers fail (a catch-up of the engine's events since the last run opens what it missed).
   * A stopped container's health reads "unhealthy" (Docker sets it when the check stops), so only a running
   * one can fail its check.
   */
  private onRowChange({ host, previous, next, healthOutput, baseline }: RowChange): void {
    const name = next?.name ?? previous?.name;
    if (!name) return;
    // A host's first read brings all its containers at once (thousands on a big host) and opens nothing: one look
    // at the host's open incidents once the read is in replaces a query per row.
    if (baseline) return this.endRecoveredSoon(host.id);
    const watched = next !== undefined && !this.ownedByWharf(host.id, name);
    const effects = rowEffects(previous, next);
    const opensUnhealthy = watched && effects.opensUnhealthy;
    const opensDead = watched && effects.opensDead;
    if (watched) {
      const diedAt = unexplainedDeath(previous, next);
      if (diedAt !== null) this.recordUnexplainedDeath(host, next, diedAt);
    }
    if (!opensUnhealthy && !opensDead && !effects.mayEnd) return;
    this.write(`following ${name} on ${host.id}`, async (db) => {
      const open = await this.openFor(db, host.id, name);
      const now = new Date().toISOString();
      if (next && opensUnhealthy && !open.some((i) => i.kind === "unhealthy"))
        this.publish(
          await openIncident(db, {
            ...newIncidentOf(next, now),
            kind: "unhealthy",
            exitCode: null,
            healthOutput,
          }),
        );
      if (next && opensDead && !open.some((i) => i.kind === "dead"))
        this.publish(
          await openIncident(db, {
            ...newIncidentOf(next, now),
            kind: "dead",
            exitCode: next.exitCode,
            healthOutput: null,
          }),
        );
      if (effects.mayEnd) await this.endRecovered(db, open, next, Date.now());
    });
  }

  /**
   * A crash whose `die` event never came: the engine drops events for a subscriber that falls behind, and the
   * watcher's periodic list check then reads the container again. The incident must still open. It waits a
   * moment first: after a reconnect the full read comes before the missed events, which say whether it was a
   * stop or a kill.
   */
  private recordUnexplainedDeath(host: Host, row: ContainerRow, at: number): void {
    setTimeout(() => {
      const told = this.eventDeaths.get(row.id);
      if (
        (told !== undefined && Math.abs(told - at) <= SAME_DEATH_MS) ||
        this.ownedByWharf(host.id, row.name)
      )
        return;
      remember(this.readDeaths, row.id, at);
      const attributes = { name: row.name, image: row.image, exitCode: String(row.exitCode) };
      this.write(`recording the crash of ${row.name} on ${host.id}`, (db) =>
        this.recordCrash(db, host, row.id, attributes, row.oomKilled ? "oom" : "crash", at),
      );
    }, SAME_DEATH_MS).unref();
  }

  private endRecoveredSoon(hostId: string): void {
    if (this.recheck.has(hostId)) return;
    this.recheck.add(hostId);
    setImmediate(() => {
      this.recheck.delete(hostId);
      this.write(`ending the recovered incidents of ${hostId}`, async (db) => {
        const now = Date.now();
        const open = await listIncidents(db, { open: true, target: "container", hostId, limit: 1000 });
        for (const incident of open)
          await this.endRecovered(
            db,
            [incident],
            this.store.findRowByName(hostId, incident.containerName),
            now,
          );
      });
    });
  }

  /**
   * Ends the incidents of containers that have stayed up long enough since; runs on a slow server timer, in turn
   * with the changes (a sweep that has not finished when the timer fires again is not run twice).
   */
  sweep(now = Date.now()): Promise<void> {
    this.sweeping ??= inIncidentOrder(() => this.sweepNow(now)).finally(() => (this.sweeping = null));
    return this.sweeping;
  }

  private sweeping: Promise<void> | null = null;

  private async sweepNow(now: number): Promise<void> {
    await settleCrashedAfter(await getDatabase<HistoryTables>(), now).catch((error) =>
      console.error("[wharf] settling which deploys held failed", error),
    );
    const db = await getDatabase<IncidentTables>();
    for (const incident of await listIncidents(db, { open: true, target: "container", limit: 1000 })) {
      if (!this.store.hostIds().includes(incident.hostId) || this.store.status(incident.hostId) !== "up")
        continue;
      const row = this.store.findRowByName(incident.hostId, incident.containerName);
      // A container that died before its first inspect answered is not in the store yet (in a storm, for
      // seconds): only one still missing a while after its death is gone. A removal seen ends it at once.
      if (!row && now - Date.parse(incident.lastAt) < NOT_YET_READ_MS) continue;
      // Mid-redeploy the name is briefly nobody's (the old container set aside, the new one not yet made).
      if (!row && actionRunningOn(incident.hostId, incident.containerName) !== undefined) continue;
      await this.endRecovered(db, [incident], row, now);
    }
  }

  /** A new container failing its grace check mid-redeploy is the redeploy's failure, recorded in its history row. */
  private ownedByWharf(hostId: string, name: string): boolean {
    return isWharfTransient(name) || actionRunningOn(hostId, name) !== undefined;
  }

  private async endRecovered(
    db: Kysely<IncidentTables>,
    open: Incident[],
    row: ContainerRow | undefined,
    now: number,
  ): Promise<void> {
    for (const incident of open) {
      if (isRecovered(incident, row, now))
        this.publish(
          await endIncident(db, incident.id, new Date(now).toISOString(), endReason(incident, row)),
        );
    }
  }

  private async recordCrash(
    db: Kysely<IncidentTables>,
    host: Host,
    containerId: string,
    attributes: Record<string, string>,
    cause: "crash" | "oom",
    at: number,
  ): Promise<void> {
    const name = attributes.name ?? containerId.slice(0, 12);
    const decision = decideCrash(await this.openFor(db, host.id, name), cause, at);
    if (decision.action === "seen") return;
    const exitCode = Number(attributes.exitCode ?? 0);
    const iso = new Date(at).toISOString();
    const oom = cause === "oom";
    const incident =
      decision.action === "open"
        ? await openIncident(db, {
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
            lastStderr: null,
            oom,
            healthOutput: null,
          })
        : await updateIncident(db, decision.incident.id, {
            kind: "restart-loop",
            count: decision.incident.count + 1,
            lastAt: iso,
            exitCode,
            oom,
            containerId,
          });
    this.publish(incident);
    void getDatabase<HistoryTables>()
      .then((history) => markCrashedAfter(history, host.id, name, at))
      .catch((error) => console.error(`[wharf] marking what preceded the crash of ${name} failed`, error));
    // The evidence: read right away, while the engine still holds the logs of the run that died.
    this.keepLogTail(host, incident);
  }

  /**
   * Reads the log tail of an incident another process opened and did not get to read (the last recorder, killed
   * just after the crash): for a replica that has just become the recorder.
   */
  keepLogTail(host: Host, incident: Incident): void {
    void this.logs.evidence(host, incident.containerId, LOG_LINES).then((evidence) => {
      if (evidence)
        this.write(`keeping the logs of ${incident.containerName} on ${host.id}`, async (db) =>
          this.publish(await updateIncident(db, incident.id, evidence)),
        );
    });
  }

  private async relabelAsOom(
    db: Kysely<IncidentTables>,
    hostId: string,
    name: string,
    at: number,
  ): Promise<void> {
    const latest = (await this.openFor(db, hostId, name)).find(
      (i) =>
        (i.kind === "exit" || i.kind === "restart-loop") &&
        Math.abs(at - Date.parse(i.lastAt)) <= OOM_AFTER_DIE_MS,
    );
    if (latest)
      this.publish(
        await updateIncident(db, latest.id, {
          ...(latest.kind === "exit" ? { kind: "oom" as const } : {}),
          oom: true,
        }),
      );
  }

  private openFor(db: Kysely<IncidentTables>, hostId: string, containerName: string): Promise<Incident[]> {
    return listIncidents(db, { open: true, target: "container", hostId, containerName });
  }

  private publish(incident: Incident): void {
    this.store.publish({ type: "incident", incident });
  }
}

function remember(deaths: Map<string, number>, id: string, at: number): void {
  // Only the last few seconds matter; the bound keeps a long-running server's maps small.
  if (deaths.size > 10_000) deaths.clear();
  deaths.set(id, at);
}
