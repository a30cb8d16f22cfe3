import "server-only";
import { reachabilityReason } from "@/lib/docker/engine-error";
import type { Host } from "@/lib/docker/host-config";
import { inspectAllContainers } from "@/lib/docker/inspect-all-containers";
import { inspectContainer } from "@/lib/docker/inspect-container";
import { listContainerSummaries } from "@/lib/docker/list-container-summaries";
import { readEngineInfo } from "@/lib/docker/read-engine-info";
import { readPastEvents } from "@/lib/docker/read-past-events";
import { streamEvents, type EngineEvent } from "@/lib/docker/stream-events";
import type { ContainerInspect } from "@/lib/docker/types";
import { withDeadline } from "@/lib/docker/with-deadline";
import { attentionReason, loopHoldsAt } from "../needs-attention";
import { toContainerRow } from "../to-container-row";
import type { ContainerRow, ExitCause, ImageProvenance } from "../types";
import type { ChangeFeed } from "./change-feed";
import { EventCursor, eventMs } from "./event-cursor";
import { driftedIds } from "./list-drift";
import { ExitMemory, latestExit } from "./exit-memory";
import { keepPinging } from "./keep-pinging";
import { exitedOnDie } from "./exited-on-die";
import { TimersByKey } from "./timers-by-key";
import type { FleetStore } from "./fleet-store";
import { ProvenanceCache } from "./provenance-cache";

// …and come back within 5 s of answering again, so retries never wait longer than 2 s.
const BACKOFF_MS = [250, 500, 1_000, 2_000];
const INSPECT_POOL = 12;
// A full read of a big host takes longer than one request may; it is bounded separately.
const RECONCILE_TIMEOUT_MS = 60_000;
// Events that never change what `docker inspect` says (health checks alone fire exec_* every interval).
const IGNORED = /^(exec_|attach|detach|resize|top|export|commit|copy|archive-path|extract-to-dir)/;

/**
 * Keeps one host's containers in the store equal to the engine's: a full read, then every container event
 * applied by re-inspecting that container. On any failure the host is marked down and the loop reconnects,
 * replaying the events missed since the last one seen and re-reading everything, so nothing is lost. What
 * happened is told to the rest of Wharf through the change feed; the watcher itself only keeps the store.
 */
export class HostWatcher {
  private stopped = false;
  private current: AbortController | null = null;
  private readonly cursor: EventCursor;
  private begun = false;
  private readonly inflight = new Map<string, Promise<void>>();
  private readonly dirty = new Set<string>();
  // An inspect started before a container's `destroy` can answer after it; its answer must not bring it back.
  private readonly destroyed = new Set<string>();
  private synced = false;
  private lastEventAt = 0;
  // Re-inspects run through a small pool: a burst of thousands of events must not open thousands of sockets
  // to one engine (they time out, and the engine drops TLS handshakes), it must queue.
  private activeInspects = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly exits = new ExitMemory();
  // One timer per container whose restart-loop verdict lapses by itself once it has held for 10 s.
  private readonly loopVerdicts = new TimersByKey();
  // Caught-up events wait here until the first read is shown; a session that fails before keeps them for the next.
  private readonly replay: { event: EngineEvent; exitCause?: ExitCause }[] = [];
  private readonly images: ProvenanceCache;

  constructor(
    private readonly host: Host,
    private readonly store: FleetStore,
    private readonly feed: ChangeFeed,
  ) {
    this.cursor = new EventCursor(host.id);
    this.images = new ProvenanceCache(host);
  }

  start(): void {
    void this.loop();
  }

  stop(): void {
    this.stopped = true;
    this.current?.abort();
    this.loopVerdicts.clearAll();
  }

  private async loop(): Promise<void> {
    let attempt = 0;
    while (!this.stopped) {
      const controller = new AbortController();
      this.current = controller;
      try {
        await this.session(controller, () => (attempt = 0));
      } catch (error) {
        if (this.stopped) return;
        this.store.setDown(this.host.id, reachabilityReason(error as Error));
      } finally {
        controller.abort();
      }
      if (this.stopped) return;
      await new Promise((resolve) =>
        setTimeout(resolve, BACKOFF_MS[Math.min(attempt++, BACKOFF_MS.length - 1)]),
      );
    }
  }

  /** One connected period: subscribe, read everything, apply events, until something fails. */
  private async session(controller: AbortController, onConnected: () => void): Promise<void> {
    const info = await withDeadline((signal) => readEngineInfo(this.host, signal), this.host.timeoutMs);
    if (!this.begun) {
      this.begun = true;
      const stored = this.cursor.begin();
      if (stored !== null) await this.catchUp(stored);
    }
    // From the first connection on, a reconnect must replay everything since.
    const sinceSeconds = this.cursor.sinceSeconds();
    const buffered: EngineEvent[] = [];
    let live = false;
    let opened!: () => void;
    const subscribed = new Promise<void>((resolve) => (opened = resolve));
    // Subscribe before reading, so a change between the read and the subscription cannot slip through.
    const stream = streamEvents(this.host, {
      sinceSeconds,
      signal: controller.signal,
      onOpen: () => opened(),
      onEvent: (event) => {
        this.lastEventAt = Date.now();
        if (live) this.apply(event);
        else buffered.push(event);
      },
    });
    stream.catch(() => {});
    await Promise.race([subscribed, stream]);

    const inspected = await withDeadline(
      (signal) => inspectAllContainers(this.host, signal),
      RECONCILE_TIMEOUT_MS,
    );
    this.reconcile(inspected);
    // Saved at once, not on the next event: a Wharf stopped before any event must still catch up on its start.
    this.cursor.save();
    this.store.setUp(this.host.id, info);
    this.store.markSynced(this.host.id);
    onConnected();
    live = true;
    for (const { event, exitCause } of this.replay.splice(0))
      this.feed.emit({ kind: "event", host: this.host, event, exitCause, replayed: true });
    for (const event of buffered.splice(0)) this.apply(event);

    const ping = this.keepPinging(controller);
    try {
      await Promise.race([stream, ping]);
    } finally {
      controller.abort();
    }
    if (!this.stopped) throw new Error("event stream ended");
  }

  /**
   * On this process's first connection, reads what the engine did since the last event an earlier Wharf
   * applied, and folds it into the exit memory before the first state is shown: a container `docker kill`ed
   * while Wharf was down is then "killed", not a crash. The events are told to the feed after the first read,
   * so a crash that happened meanwhile still opens its incident.
   */
  private async catchUp(storedMs: number): Promise<void> {
    const until = Math.floor(Date.now() / 1000);
    const events = await withDeadline(
      (signal) => readPastEvents(this.host, Math.floor(storedMs / 1000), until, signal),
      RECONCILE_TIMEOUT_MS,
    );
    for (const event of events) {
      const sighting = this.cursor.sight(event);
      if (sighting === "repeat" || IGNORED.test(event.Action)) continue;
      const attributes = event.Actor.Attributes ?? {};
      const exitCause = this.exits.onEvent(event.Actor.ID, event.Action, attributes, eventMs(event));
      if (sighting === "new") this.replay.push({ event, exitCause });
    }
    this.cursor.reachedSecond(until);
  }

  private keepPinging(controller: AbortController): Promise<never> {
    return keepPinging(this.host, controller.signal, {
      lastEventAt: () => this.lastEventAt,
      onInfo: (info) => this.store.setInfo(this.host.id, info),
      checkList: () => this.checkList(),
    });
  }

  /** Re-inspects containers whose listing disagrees with the store: missed creations, removals, state changes. */
  private async checkList(): Promise<void> {
    const summaries = await withDeadline(
      (signal) => listContainerSummaries(this.host, signal),
      RECONCILE_TIMEOUT_MS,
    );
    for (const id of driftedIds(summaries, this.store.rows(this.host.id))) this.refresh(id);
  }

  private reconcile(inspected: ContainerInspect[]): void {
    const baseline = !this.synced;
    const before = new Map(this.store.rows(this.host.id).map((row) => [row.id, row]));
    const rows = inspected.map((item) => this.toRow(item));
    this.store.replaceRows(this.host.id, rows);
    const byId = new Map(inspected.map((item) => [item.Id, item]));
    for (const row of rows) this.changed(before.get(row.id), row, healthOutput(byId.get(row.id)), baseline);
    for (const [id, row] of before) if (!byId.has(id)) this.changed(row, undefined, null, baseline);
    this.synced = true;
  }

  private apply(event: EngineEvent): void {
    if (event.Type !== "container") return;
    const id = event.Actor?.ID ?? event.id;
    if (!id) return;
    const sighting = this.cursor.sight(event);
    if (sighting === "repeat" || IGNORED.test(event.Action)) return;

    const exitCause = this.exits.onEvent(id, event.Action, event.Actor.Attributes ?? {}, eventMs(event));
    // An event from before this process first looked only explains the state it read: no news to tell.
    if (sighting === "new")
      this.feed.emit({ kind: "event", host: this.host, event, exitCause, replayed: false });
    if (event.Action === "die") {
      const previous = this.store.row(this.host.id, id);
      const code = Number(event.Actor.Attributes?.exitCode ?? 0);
      const next = exitedOnDie(previous, code, eventMs(event), this.exits.lastExit(id), Date.now());
      if (next && this.store.putRow(next)) this.changed(previous, next, null, false);
    }
    if (event.Action === "destroy") {
      this.destroyed.add(id);
      if (this.destroyed.size > 5_000) this.destroyed.clear();
      this.remove(id);
      return;
    }
    this.refresh(id);
  }

  /** Re-inspects a container; events arriving meanwhile cause exactly one more inspect, not one each. */
  private refresh(id: string): void {
    if (this.inflight.has(id)) {
      this.dirty.add(id);
      return;
    }
    const run = async () => {
      do {
        this.dirty.delete(id);
        await this.inspectAndStore(id);
      } while (this.dirty.has(id) && !this.current?.signal.aborted);
    };
    this.inflight.set(
      id,
      run().finally(() => this.inflight.delete(id)),
    );
  }

  private async inspectAndStore(id: string): Promise<void> {
    let item: ContainerInspect;
    if (this.activeInspects >= INSPECT_POOL) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.activeInspects++;
    try {
      item = await withDeadline((signal) => inspectContainer(this.host, id, signal), this.host.timeoutMs);
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404) this.remove(id);
      // Anything else is the host failing or overloaded: the ping notices a failing host, and the next list
      // check inspects this container again if it still differs.
      return;
    } finally {
      this.activeInspects--;
      this.waiting.shift()?.();
    }
    if (this.destroyed.has(id)) return;
    const previous = this.store.row(this.host.id, id);
    const row = this.toRow(item);
    this.store.putRow(row);
    this.changed(previous, row, healthOutput(item), false);
  }

  private remove(id: string): void {
    const previous = this.store.row(this.host.id, id);
    this.store.removeRow(this.host.id, id);
    this.loopVerdicts.clear(id);
    this.changed(previous, undefined, null, false);
  }

  private changed(
    previous: ContainerRow | undefined,
    next: ContainerRow | undefined,
    output: string | null,
    baseline: boolean,
  ): void {
    if (previous === next) return;
    this.feed.emit({ kind: "row", host: this.host, previous, next, healthOutput: output, baseline });
  }

  /** The row as the fleet shows it: the engine's state, what the events said about the last exit, the verdict. */
  private toRow(item: ContainerInspect): ContainerRow {
    const now = Date.now();
    const row = toContainerRow(this.host.id, item, now);
    const lastExit = latestExit(this.exits.lastExit(item.Id), row.lastExit);
    const derived = { ...row, lastExit, exitCause: lastExit?.cause ?? null };
    const attention = attentionReason(derived, now);
    if (attention === "restart-loop" && derived.state === "running" && derived.startedAt)
      this.recheckAt(item.Id, loopHoldsAt(derived.startedAt));
    const provenance = this.images.get(item.Image);
    if (!provenance)
      this.images.load(item.Image, item.Config.Image, (read) => this.provenanceRead(item.Image, read));
    return { ...derived, attention, provenance: provenance ?? null };
  }

  /**
   * An image's labels read: the rows running it show them. Not news for the change feed (nothing happened to
   * a container), only for the store's clients.
   */
  private provenanceRead(imageId: string, provenance: ImageProvenance): void {
    for (const row of this.store.rows(this.host.id))
      if (row.imageId === imageId && row.provenance === null) this.store.putRow({ ...row, provenance });
  }

  /** A running container stops being a restart loop once it has held; no event marks that moment. */
  private recheckAt(id: string, at: number): void {
    // A little after the moment, so the verdict computed then has surely lapsed.
    this.loopVerdicts.set(id, at + 50, () => {
      const row = this.store.row(this.host.id, id);
      if (!row) return;
      const next = { ...row, attention: attentionReason(row, Date.now()) };
      if (next.attention !== row.attention && this.store.putRow(next)) this.changed(row, next, null, false);
    });
  }
}

function healthOutput(item: ContainerInspect | undefined): string | null {
  const log = item?.State.Health?.Log;
  return log && log.length > 0 ? (log.at(-1)?.Output.trim() ?? null) : null;
}
