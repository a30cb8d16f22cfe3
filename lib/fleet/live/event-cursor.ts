import "server-only";
import type { EngineEvent } from "@/lib/docker/stream-events";
import { getDb } from "@/lib/history/db";
import { readHostCursor, saveHostCursor } from "@/lib/history/host-cursor";

// Saved at most this often; a restart replays from it, and what was already applied is skipped.
const SAVE_EVERY_MS = 1_000;
const SEEN_LIMIT = 5_000;

/**
 * Where one host's event stream is: the engine time of the last event applied (kept in SQLite across
 * restarts), and the events already applied in that last second, since any replay starts from a whole second.
 */
export class EventCursor {
  private seconds: number | undefined;
  private readonly seen = new Set<string>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly hostId: string) {}

  /** The second a subscription replays from; from the first connection on, a reconnect starts here. */
  get sinceSeconds(): number | undefined {
    return this.seconds;
  }

  /** Starts the clock now, unless it already runs. (One second of slack covers a small skew with the engine.) */
  startNow(): number {
    this.seconds ??= Math.floor(Date.now() / 1000) - 1;
    return this.seconds;
  }

  /** Where the last Wharf on this database stopped, or null on a first start. */
  stored(): number | null {
    return readHostCursor(getDb(), this.hostId);
  }

  advanceTo(seconds: number): void {
    this.seconds = Math.max(this.seconds ?? 0, seconds);
  }

  /** False for an event already applied (a replay); otherwise records it and moves the cursor. */
  firstSighting(event: EngineEvent): boolean {
    const key = `${event.timeNano}/${event.Actor?.ID ?? event.id}/${event.Action}`;
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    if (this.seen.size > SEEN_LIMIT) this.seen.clear();
    this.advanceTo(event.time);
    this.timer ??= setTimeout(() => {
      this.timer = null;
      this.save();
    }, SAVE_EVERY_MS).unref();
    return true;
  }

  save(): void {
    if (this.seconds === undefined) return;
    try {
      saveHostCursor(getDb(), this.hostId, this.seconds);
    } catch (error) {
      console.error(`[wharf] saving the event cursor of host ${this.hostId} failed`, error);
    }
  }
}
