import "server-only";
import type { ContainerRow } from "@/lib/fleet/types";

// A row's StartedAt and its start event's time are the same moment, read a few milliseconds apart.
const SAME_START_MS = 1_000;
const KEEP = 8;

type Start = { at: number; restartCount: number };

/**
 * What the rows said about each container's recent starts. Docker raises RestartCount when its restart policy
 * starts a container and resets it when someone does (`docker start`, `docker restart`): the one way to tell
 * the two apart, since their events are the same.
 */
export class RunStarts {
  private readonly starts = new Map<string, Start[]>();
  private readonly latest = new Map<string, { restartCount: number; imageId: string }>();

  note(key: string, row: ContainerRow): void {
    this.latest.set(key, { restartCount: row.restartCount, imageId: row.imageId });
    if (!row.startedAt) return;
    const at = Date.parse(row.startedAt);
    const list = this.starts.get(key) ?? [];
    if (list.some((start) => start.at === at)) return;
    list.push({ at, restartCount: row.restartCount });
    if (list.length > KEEP) list.shift();
    this.starts.set(key, list);
  }

  /** undefined: no row for that start yet. */
  wasPolicyRestart(key: string, at: number): boolean | undefined {
    let best: Start | undefined;
    for (const start of this.starts.get(key) ?? []) {
      const gap = Math.abs(start.at - at);
      if (gap <= SAME_START_MS && (!best || gap < Math.abs(best.at - at))) best = start;
    }
    return best && best.restartCount > 0;
  }

  lastCount(key: string): number {
    return this.latest.get(key)?.restartCount ?? 0;
  }

  imageId(key: string): string | null {
    return this.latest.get(key)?.imageId ?? null;
  }

  forget(key: string): void {
    this.starts.delete(key);
    this.latest.delete(key);
    if (this.latest.size > 20_000) this.latest.clear();
  }
}
