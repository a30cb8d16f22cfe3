import "server-only";
import type { ImageProvenance } from "@/lib/core/image-provenance";
import type { Host } from "@/lib/docker/host-config";
import type { ContainerInspect } from "@/lib/docker/types";
import { attentionReason, loopHoldsAt } from "../needs-attention";
import { toContainerRow } from "../to-container-row";
import type { ContainerRow } from "../types";
import { latestExit, type ExitMemory } from "./exit-memory";
import type { FleetStore } from "./fleet-store";
import { ProvenanceCache } from "./provenance-cache";
import type { HostRead } from "./read-host";
import { TimersByKey } from "./timers-by-key";

/**
 * One host's rows as the fleet shows them: the engine's state, what the events said about the last exit, the
 * verdict, the image's provenance; and the verdicts that lapse by themselves, re-judged when they do.
 */
export class RowDeriver {
  // One timer per container whose restart-loop verdict lapses by itself once it has held for 10 s.
  private readonly loopVerdicts = new TimersByKey();
  private readonly images: ProvenanceCache;

  constructor(
    private readonly host: Host,
    private readonly store: FleetStore,
    private readonly exits: ExitMemory,
    /** A row the deriver changed by itself (a lapsed verdict). */
    private readonly onLapsed: (previous: ContainerRow, next: ContainerRow) => void,
  ) {
    this.images = new ProvenanceCache(host);
  }

  fromInspect(item: ContainerInspect): ContainerRow {
    return this.derive(toContainerRow(this.host.id, item, Date.now()));
  }

  /** What the events add to a row read from the engine: why the last run ended, the verdict, provenance. */
  derive(row: ContainerRow): ContainerRow {
    const now = Date.now();
    const lastExit = latestExit(this.exits.lastExit(row.id), row.lastExit);
    const derived = { ...row, lastExit, exitCause: lastExit?.cause ?? null };
    const attention = attentionReason(derived, now);
    if (attention === "restart-loop" && derived.state === "running" && derived.startedAt)
      this.recheckAt(row.id, loopHoldsAt(derived.startedAt));
    const provenance = this.images.get(row.imageId);
    if (!provenance)
      this.images.load(row.imageId, row.image, (read) => this.provenanceRead(row.imageId, read));
    return { ...derived, attention, provenance: provenance ?? null };
  }

  /**
   * Reads the provenance of a full read's images before its rows are made: otherwise every row of an image
   * would be put a second time once its labels arrive (a thousand times over on a big host).
   */
  preload({ listed, inspected }: HostRead): Promise<void> {
    const images = new Map(listed.map((row) => [row.imageId, row.image]));
    for (const item of inspected) images.set(item.Image, item.Config.Image);
    return this.images.preload(images);
  }

  forget(id: string): void {
    this.loopVerdicts.clear(id);
  }

  stop(): void {
    this.loopVerdicts.clearAll();
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
      if (next.attention !== row.attention && this.store.putRow(next)) this.onLapsed(row, next);
    });
  }
}
