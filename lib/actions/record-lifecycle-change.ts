import "server-only";
import type { Kysely } from "kysely";
import type { Host } from "@/lib/docker/host-config";
import type { EngineEvent } from "@/lib/docker/stream-events";
import type { ContainerRow } from "@/lib/fleet/types";
import { holdCursor } from "@/lib/fleet/live/recording-barrier";
import { isWharfTransient } from "@/lib/fleet/wharf-transient";
import { getDatabase } from "@/lib/db/database";
import { findExternalRow } from "@/lib/history/db/find-external-row";
import { findWharfAction } from "@/lib/history/db/find-wharf-action";
import type { HistoryTables } from "@/lib/history/db/history-table";
import { reclassifyHistory } from "@/lib/history/db/reclassify-history";
import { recordHistory } from "@/lib/history/db/record-history";
import { updateHistory } from "@/lib/history/db/update-history";
import {
  awaitsStep,
  LATE_STEP_MS,
  LIFECYCLE_ACTIONS,
  LINK_MS,
  mayBecomeRestart,
  openFor,
  segmentLifecycle,
  type LifecycleEvent,
  type LifecycleSegment,
} from "./classify-lifecycle";
import { wasCreatedByWharf, wharfActedOn } from "./container-lock";
import { RunStarts } from "./run-starts";

const PROCESS_STARTED_MS = Date.now() - process.uptime() * 1000;

// A command's events come within milliseconds of each other: this much quiet ends a burst, well under the 2 s
// in which the row must be there.
const QUIET_MS = 300;
// A start waits at most this long for its container's row, which says whether Docker's restart policy did it.
const RESOLVE_MS = 1_000;
// A removal waits this long for a container created under the same name: then it was a re-creation (compose,
// `docker rm -f` + `docker run`), which the history records as a redeploy, not as a removal.
const RECREATE_MS = 1_000;
// Compose renames the container it replaces to "<short id>_<name>" before removing it.
const COMPOSE_ASIDE = /^[0-9a-f]{12}_/;
const COMPOSE_RECREATE_MS = 60_000;

/** `wharf` is undefined while the history is asked (events read back after a restart). */
type Seen = LifecycleEvent & { name: string; image: string | null; arrived: number; wharf?: boolean };
/** `id` resolves once the row is written (null: it was there already, or could not be written). */
type Recorded = { id: Promise<number | null>; verb: string; detail: string | null };
type Burst = {
  hostId: string;
  containerId: string;
  events: Seen[];
  recorded: (Recorded | undefined)[];
  diedBefore: boolean;
  timer?: NodeJS.Timeout;
  /** The events' holds on the event cursor (recording-barrier.ts), let go once their rows are written. */
  holds: (() => void)[];
};

/**
 * Records what someone did to a container outside Wharf — `docker stop`, `start`, `restart`, `kill`, `pause`,
 * `unpause`, `rm` — as one history row per command, from the container's engine events: each burst of events
 * is split into the commands that caused it (classify-lifecycle.ts). Wharf's own actions, Docker's restart
 * policy and crashes make no row; events read back after a restart are recorded once.
 */
export class LifecycleRecorder {
  private readonly bursts = new Map<string, Burst>();
  private readonly died = new Map<string, boolean>();
  private readonly starts = new RunStarts();
  private readonly created = new Map<string, number>();
  // The rows are written one after another, in the order the commands were seen: a row is amended only once
  // it exists, and what a restarted Wharf reads back is checked against what this one already wrote.
  private writes: Promise<void> = Promise.resolve();

  /** Resolves once every row decided on so far is written: for tests, and for a clean shutdown. */
  settled(): Promise<void> {
    return this.writes;
  }

  onEvent(host: Host, event: EngineEvent, replayed: boolean): void {
    if (!LIFECYCLE_ACTIONS.has(event.Action)) return;
    const containerId = event.Actor?.ID ?? event.id;
    if (!containerId) return;
    const attributes = event.Actor.Attributes ?? {};
    const name = attributes.name ?? containerId;
    const at = event.timeNano ? Math.floor(event.timeNano / 1e6) : event.time * 1000;
    if (event.Action === "create") this.noteCreated(host.id, name);
    const key = `${host.id}/${containerId}`;
    let burst = this.bursts.get(key);
    if (!burst) {
      burst = {
        hostId: host.id,
        containerId,
        events: [],
        recorded: [],
        diedBefore: !!this.died.get(key),
        holds: [],
      };
      this.bursts.set(key, burst);
    }
    const seen: Seen = {
      action: event.Action,
      at,
      signal: attributes.signal,
      exitCode: attributes.exitCode === undefined ? undefined : Number(attributes.exitCode),
      name,
      image: attributes.image ?? null,
      arrived: Date.now(),
    };
    burst.events.push(seen);
    holdCursor(new Promise<void>((resolve) => burst.holds.push(resolve)));
    this.byWharf(host.id, containerId, name, at, replayed, seen);
    this.arm(burst, QUIET_MS, () => this.flush(burst));
  }

  onRow(hostId: string, row: ContainerRow): void {
    this.starts.note(`${hostId}/${row.id}`, row);
  }

  /**
   * Wharf's own actions hold the container's lock; read back after a restart, their rows say when they ran (the
   * event's `wharf` stays undefined until the history answers, and its burst waits for it).
   */
  private byWharf(hostId: string, id: string, name: string, at: number, replayed: boolean, seen: Seen): void {
    if (wasCreatedByWharf(id) || isWharfTransient(name)) seen.wharf = true;
    // An event from before this process began (the subscription resumes from the stored cursor too) cannot be
    // judged by this process's locks: a redeploy the last process was killed in left only its history row.
    else if (!replayed && at >= PROCESS_STARTED_MS) seen.wharf = wharfActedOn(hostId, name, at);
    else
      void getDatabase<HistoryTables>()
        .then((db) => findWharfAction(db, hostId, name, at))
        .then(
          (wharf) => void (seen.wharf = wharf),
          (error: unknown) => {
            console.error(`[wharf] reading whether Wharf acted on ${name} on ${hostId} failed`, error);
            seen.wharf = false;
          },
        );
  }

  private flush(burst: Burst): void {
    if (burst.events.some((event) => event.wharf === undefined))
      return this.arm(burst, QUIET_MS, () => this.flush(burst));
    const key = `${burst.hostId}/${burst.containerId}`;
    let unresolved = false;
    const segments = segmentLifecycle(burst.events, {
      diedBefore: burst.diedBefore,
      isPolicyRestart: (at) => {
        const known = this.starts.wasPolicyRestart(key, at);
        if (known === undefined) unresolved = true;
        return known ?? this.starts.lastCount(key) > 0;
      },
    });
    const waited = Date.now() - burst.events.at(-1)!.arrived;
    if (unresolved && waited < RESOLVE_MS) return this.arm(burst, QUIET_MS, () => this.flush(burst));
    const last = segments.at(-1)!;
    if (mayBecomeRestart(burst.events, last) && waited < LINK_MS)
      return this.arm(burst, LINK_MS - waited, () => this.flush(burst));
    if (awaitsStep(burst.events, last) && waited < LATE_STEP_MS)
      return this.arm(burst, LATE_STEP_MS - waited, () => this.flush(burst));
    const removal = last.verb === "remove" ? burst.events[last.to - 1]! : undefined;
    if (removal && !this.recreated(burst.hostId, removal) && Date.now() - removal.arrived < RECREATE_MS)
      return this.arm(burst, RECREATE_MS - (Date.now() - removal.arrived), () => this.flush(burst));

    segments.forEach((segment, index) => this.write(burst, segment, index));
    this.letGo(burst);
    // The last command may still grow (a stop waiting out its timeout): keep its events, and its row to amend.
    burst.recorded = [burst.recorded[segments.length - 1]];
    burst.events = burst.events.slice(last.from);
    burst.diedBefore = last.diedBefore;
    this.died.set(key, last.diedAfter);
    if (burst.events.at(-1)?.action === "destroy") this.forget(key);
    const open = openFor(burst.events, { ...last, from: 0, to: last.to - last.from });
    const close = () => {
      this.letGo(burst);
      if (this.bursts.get(key) === burst) this.bursts.delete(key);
    };
    if (open === 0) {
      clearTimeout(burst.timer);
      close();
    } else this.arm(burst, open, close);
  }

  private write(burst: Burst, segment: LifecycleSegment, index: number): void {
    const events = burst.events.slice(segment.from, segment.to);
    const first = events[0]!;
    const done = burst.recorded[index];
    if (!segment.verb || events.some((event) => event.wharf)) return;
    if (segment.verb === "remove" && this.recreated(burst.hostId, events.at(-1)!)) return;
    const verb = segment.verb;
    if (done) {
      if (done.verb !== verb || done.detail !== segment.detail) {
        this.queue(async (db) => {
          const id = await done.id;
          if (id !== null) await reclassifyHistory(db, id, { action: verb, detail: segment.detail });
        });
        burst.recorded[index] = { ...done, verb, detail: segment.detail };
      }
      return;
    }
    const row = {
      at: new Date(segment.at).toISOString(),
      actor: "external",
      source: "external" as const,
      action: verb,
      hostId: burst.hostId,
      containerName: first.name,
    };
    const imageIdBefore = this.starts.imageId(`${burst.hostId}/${burst.containerId}`);
    const id = this.queue(async (db) => {
      if (await findExternalRow(db, row)) return null;
      const entry = await recordHistory(db, {
        ...row,
        containerIdBefore: burst.containerId,
        imageRef: first.image,
        imageIdBefore,
        detail: segment.detail,
      });
      await updateHistory(db, entry.id, {
        outcome: "succeeded",
        containerIdAfter: verb === "remove" ? null : burst.containerId,
        durationMs: events.at(-1)!.at - first.at,
      });
      return entry.id;
    });
    burst.recorded[index] = { id, verb, detail: segment.detail };
  }

  /** Runs `work` after the writes before it; its failure is logged, and its result is null then. */
  private queue<T>(work: (db: Kysely<HistoryTables>) => Promise<T>): Promise<T | null> {
    const done = this.writes.then(async () => work(await getDatabase<HistoryTables>()));
    const result = done.catch((error: unknown) => {
      console.error("[wharf] recording a change made outside Wharf failed", error);
      return null;
    });
    this.writes = result.then(() => undefined);
    return result;
  }

  /**
   * Whether the removal was part of a re-creation: a container created under its name right after it (a
   * `docker rm -f` then `docker run`), or, for one compose had renamed aside, created just before it.
   */
  private recreated(hostId: string, removal: Seen): boolean {
    if (COMPOSE_ASIDE.test(removal.name)) {
      const at = this.created.get(`${hostId}/${removal.name.replace(COMPOSE_ASIDE, "")}`);
      return at !== undefined && removal.arrived - at <= COMPOSE_RECREATE_MS;
    }
    const at = this.created.get(`${hostId}/${removal.name}`);
    return at !== undefined && at >= removal.arrived;
  }

  private noteCreated(hostId: string, name: string): void {
    if (this.created.size > 5_000) this.created.clear();
    this.created.set(`${hostId}/${name}`, Date.now());
  }

  private forget(key: string): void {
    this.died.delete(key);
    this.starts.forget(key);
  }

  /** The cursor may pass the burst's events once the rows decided on so far are written. */
  private letGo(burst: Burst): void {
    const written = this.writes;
    for (const resolve of burst.holds.splice(0)) void written.then(resolve);
  }

  private arm(burst: Burst, ms: number, then: () => void): void {
    clearTimeout(burst.timer);
    burst.timer = setTimeout(() => {
      try {
        then();
      } catch (error) {
        console.error(`[wharf] recording a change made outside Wharf on ${burst.hostId} failed`, error);
        // Nothing more will be written for these events: they must not hold the cursor.
        this.letGo(burst);
      }
    }, ms);
    burst.timer.unref();
  }
}
