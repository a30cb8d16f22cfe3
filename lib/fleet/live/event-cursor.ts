import "server-only";
import type { EngineEvent } from "@/lib/docker/stream-events";
import { isRecorder } from "@/lib/cluster/cluster";
import { getDatabase } from "@/lib/db/database";
import type { LiveFleetTables } from "./db/host-cursor-table";
import { readHostCursor } from "./db/read-host-cursor";
import { saveHostCursor } from "./db/save-host-cursor";
import { recordingSettled } from "./recording-barrier";

// Saved at most this often; a restart replays from it, and what was already applied is skipped.
const SAVE_EVERY_MS = 1_000;
const SEEN_LIMIT = 5_000;
// How long a save waits for the recorders' work on the events it covers before it gives up for this round.
const SETTLE_LIMIT_MS = 10_000;

/**
 * - `repeat`: this process applied it already (a reconnect replays from a whole second);
 * - `known`: from before what this process reports: applied by the Wharf that ran before on this database, or,
 *   on a first start, older than the first look. It still tells why a container stopped, but is no news;
 * - `new`: to apply and report.
 */
export type Sighting = "repeat" | "known" | "new";

/**
 * Where one host's event stream is: the engine time of the last event applied, kept in the database across restarts,
 * and the events already applied in the last second, since any replay starts from a whole second.
 */
export class EventCursor {
  private lastMs: number | undefined;
  private floorMs = Number.POSITIVE_INFINITY;
  private readonly seen = new Set<string>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly hostId: string) {}

  /**
   * On this process's first connection: where the Wharf before it stopped (null on a first start, when
   * everything before now is only the baseline). What is older than that is `known` from then on.
   */
  async begin(): Promise<number | null> {
    const stored = await readHostCursor(await getDatabase<LiveFleetTables>(), this.hostId);
    this.floorMs = stored ?? Date.now();
    return stored;
  }

  /**
   * The second a subscription replays from; one second of slack covers a small skew with the engine. A first
   * subscription replays from this process's start: the first list may have been asked for then, before Next had
   * loaded (lib/docker/early-lists.mjs), and a list no later than the replay's start loses nothing.
   */
  sinceSeconds(): number {
    this.lastMs ??= Date.now() - process.uptime() * 1000 - 1_000;
    return Math.floor(this.lastMs / 1000);
  }

  sight(event: EngineEvent): Sighting {
    const key = `${event.timeNano}/${event.Actor?.ID ?? event.id}/${event.Action}`;
    if (this.seen.has(key)) return "repeat";
    this.seen.add(key);
    if (this.seen.size > SEEN_LIMIT) this.seen.clear();
    const ms = eventMs(event);
    this.lastMs = Math.max(this.lastMs ?? 0, ms);
    this.timer ??= setTimeout(() => {
      this.timer = null;
      void this.save();
    }, SAVE_EVERY_MS).unref();
    return ms <= this.floorMs ? "known" : "new";
  }

  /** A catch-up read everything up to the start of this second. */
  reachedSecond(seconds: number): void {
    this.lastMs = Math.max(this.lastMs ?? 0, seconds * 1000);
  }

  /**
   * The cursor is where the recorder got to: a follower saving its own would let the next recorder skip what
   * nobody recorded. (With one server, it is always the recorder.) Resolves once written; never rejects (a failure
   * is logged: the next save writes a later cursor anyway).
   */
  async save(): Promise<void> {
    const upTo = this.lastMs;
    if (upTo === undefined || !isRecorder()) return;
    // Only past events whose incidents and history rows are written (recording-barrier.ts).
    if (!(await recordingSettled(SETTLE_LIMIT_MS))) {
      console.error(
        `[wharf] the event cursor of host ${this.hostId} waits: a recording is still being written`,
      );
      this.timer ??= setTimeout(() => {
        this.timer = null;
        void this.save();
      }, SAVE_EVERY_MS).unref();
      return;
    }
    try {
      await saveHostCursor(await getDatabase<LiveFleetTables>(), this.hostId, upTo);
    } catch (error) {
      console.error(`[wharf] saving the event cursor of host ${this.hostId} failed`, error);
    }
  }
}

/** The engine's time of an event in ms, keeping the sub-millisecond part (two events of one ms stay apart). */
export function eventMs(event: EngineEvent): number {
  return event.timeNano ? event.timeNano / 1e6 : event.time * 1000;
}
