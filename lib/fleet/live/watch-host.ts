import "server-only";
import { reachabilityReason } from "@/lib/docker/engine-error";
import type { Host } from "@/lib/docker/host-config";
import { inspectContainer } from "@/lib/docker/inspect-container";
import { listContainerSummaries } from "@/lib/docker/list-container-summaries";
import { readEngineInfo } from "@/lib/docker/read-engine-info";
import { streamEvents, type EngineEvent } from "@/lib/docker/stream-events";
import type { ContainerInspect } from "@/lib/docker/types";
import { withDeadline } from "@/lib/docker/with-deadline";
import type { ContainerRow } from "../types";
import type { ChangeFeed } from "./change-feed";
import { EventCursor, eventMs } from "./event-cursor";
import { flagIfSilent } from "./flag-if-silent";
import { driftedIds } from "./list-drift";
import { ExitMemory } from "./exit-memory";
import { keepPinging } from "./keep-pinging";
import { exitedOnDie } from "./exited-on-die";
import type { FleetStore } from "./fleet-store";
import { healthOutput, readHost, type HostRead } from "./read-host";
import { RowDeriver } from "./row-deriver";
import { TaskPool } from "./task-pool";
import { catchUp, IGNORED, type Replayed } from "./catch-up";
import { CoalescedRuns } from "./coalesced-runs";

// …and come back within 5 s of answering again, so retries never wait longer than 2 s.
const BACKOFF_MS = [250, 500, 1_000, 2_000];
const INSPECT_POOL = 12;
// An engine that has not answered its first request by then is shown down ("not answering") rather than waited
// for: every read of the fleet waits for each host's first read (FleetStore.ready), and a hung engine accepts
// connections but never answers. A third of its timeout: 1 s by default, more for ssh:// hosts' handshake.
const SILENT_FRACTION = 3;
// A full read of a big host takes longer than one request may; it is bounded separately.
const RECONCILE_TIMEOUT_MS = 60_000;

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
  // One inspect per container at a time; events arriving meanwhile cause exactly one more.
  private readonly refreshes = new CoalescedRuns();
  // An inspect started before a container's `destroy` can answer after it; its answer must not bring it back.
  private readonly destroyed = new Set<string>();
  private synced = false;
  private readonly inspects = new TaskPool(INSPECT_POOL);
  // When the engine last sent an event: a busy engine that still streams is not down because a ping was late.
  private lastEventAt = 0;
  private readonly exits: ExitMemory;
  // Caught-up events wait here until the first read is shown; a session that fails before keeps them for the next.
  private readonly replay: Replayed[] = [];
  private readonly rows: RowDeriver;
  // Containers shown from their list entry because the engine left their inspect unanswered: asked again at each
  // list check until they answer.
  private readonly unanswered = new Set<string>();

  constructor(
    private readonly host: Host,
    private readonly store: FleetStore,
    private readonly feed: ChangeFeed,
  ) {
    this.cursor = new EventCursor(host.id);
    this.exits = new ExitMemory(host.id);
    this.rows = new RowDeriver(host, store, this.exits, (previous, next) =>
      this.changed(previous, next, null, false),
    );
  }

  start(): void {
    void this.loop();
  }

  stop(): void {
    this.stopped = true;
    this.current?.abort();
    this.rows.stop();
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

  /**
   * One connected period: subscribe, read everything, apply events, until something fails. The engine's
   * versions, the catch-up, the subscription and the read are asked for at once rather than one after another:
   * on a start against many hosts each round-trip waits its turn, and a read no earlier than the subscription's
   * `since` loses nothing (a change after the list is replayed by the subscription).
   */
  private async session(controller: AbortController, onConnected: () => void): Promise<void> {
    // Read before anything is asked of the engine: no request's failure may go unhandled while this waits.
    const stored = this.begun ? null : await this.cursor.begin();
    if (!this.begun) await this.exits.load();
    const info = this.firstAnswer();
    let caughtUp: Promise<void> = Promise.resolve();
    if (!this.begun) {
      if (stored === null) this.begun = true;
      // Once it is read, it is never read again: its news waits in `replay` for the first read to be shown.
      else
        caughtUp = catchUp(
          this.host,
          stored,
          this.cursor,
          this.exits,
          RECONCILE_TIMEOUT_MS,
          controller.signal,
        ).then((news) => void ((this.begun = true), this.replay.push(...news)));
    }
    // From the first connection on, a reconnect must replay everything since.
    const sinceSeconds = this.cursor.sinceSeconds();
    const buffered: EngineEvent[] = [];
    let live = false;
    let opened!: () => void;
    const subscribed = new Promise<void>((resolve) => (opened = resolve));
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
    const read = withDeadline(
      (signal) => readHost(this.host, AbortSignal.any([signal, controller.signal])),
      RECONCILE_TIMEOUT_MS,
    );
    // Whichever fails first ends the session; the others are aborted with it and must not go unhandled.
    for (const pending of [info, caughtUp, stream, read]) pending.catch(() => {});
    const engineInfo = await info;
    await caughtUp;
    await Promise.race([subscribed, stream]);
    const hostRead = await read;
    await this.rows.preload(hostRead);
    this.reconcile(hostRead);
    // Saved at once, not on the next event: a Wharf stopped before any event must still catch up on its start.
    void this.cursor.save();
    this.store.setUp(this.host.id, engineInfo);
    this.store.markSynced(this.host.id);
    onConnected();
    live = true;
    for (const { event, exitCause } of this.replay.splice(0))
      this.feed.emit({ kind: "event", host: this.host, event, exitCause, replayed: true });
    for (const event of buffered.splice(0)) this.apply(event);
    // Shown from their list entry for now; asked again at once, and at every list check until they answer.
    for (const id of this.unanswered) this.refresh(id);

    const ping = this.keepPinging(controller);
    try {
      await Promise.race([stream, ping]);
    } finally {
      controller.abort();
    }
    if (!this.stopped) throw new Error("event stream ended");
  }

  /** The engine's versions; before the host was ever read, one that stays silent is shown down meanwhile. */
  private firstAnswer() {
    const read = withDeadline((signal) => readEngineInfo(this.host, signal), this.host.timeoutMs);
    if (this.synced) return read;
    const ms = Math.round(this.host.timeoutMs / SILENT_FRACTION);
    return flagIfSilent(read, ms, () =>
      this.store.setDown(this.host.id, `not answering (no reply in ${ms} ms)`),
    );
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
    const drifted = driftedIds(summaries, this.store.rows(this.host.id));
    for (const id of new Set([...drifted, ...this.unanswered])) this.refresh(id);
  }

  private reconcile({ listed, inspected, unanswered }: HostRead): void {
    this.unanswered.clear();
    for (const id of unanswered) this.unanswered.add(id);
    const baseline = !this.synced;
    const before = new Map(this.store.rows(this.host.id).map((row) => [row.id, row]));
    // A created container already held keeps its row: its inspect had the exact creation time.
    const kept = (row: ContainerRow) => {
      const held = before.get(row.id);
      return held?.state === "created" && held.imageId === row.imageId ? held : this.rows.derive(row);
    };
    const rows = [...listed.map(kept), ...inspected.map((item) => this.rows.fromInspect(item))];
    this.store.replaceRows(this.host.id, rows);
    const outputs = new Map(inspected.map((item) => [item.Id, healthOutput(item)]));
    for (const row of rows) this.changed(before.get(row.id), row, outputs.get(row.id) ?? null, baseline);
    const read = new Set(rows.map((row) => row.id));
    for (const [id, row] of before) if (!read.has(id)) this.changed(row, undefined, null, baseline);
    if (baseline) this.exits.keepOnly(read);
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
    this.refreshes.request(
      id,
      () => this.inspectAndStore(id),
      () => !this.current?.signal.aborted,
    );
  }

  private async inspectAndStore(id: string): Promise<void> {
    let item: ContainerInspect;
    try {
      item = await this.inspects.run(() =>
        withDeadline((signal) => inspectContainer(this.host, id, signal), this.host.timeoutMs),
      );
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404) this.remove(id);
      // Anything else is the host failing or overloaded: the ping notices a failing host, and the next list
      // check inspects this container again if it still differs.
      return;
    }
    this.unanswered.delete(id);
    if (this.destroyed.has(id)) return;
    const previous = this.store.row(this.host.id, id);
    const row = this.rows.fromInspect(item);
    this.store.putRow(row);
    this.changed(previous, row, healthOutput(item), false);
  }

  private remove(id: string): void {
    this.unanswered.delete(id);
    const previous = this.store.row(this.host.id, id);
    this.store.removeRow(this.host.id, id);
    this.rows.forget(id);
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
}
