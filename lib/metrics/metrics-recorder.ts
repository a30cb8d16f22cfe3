import "server-only";
import type { FleetChange } from "@/lib/fleet/live/change-feed";
import { eventMs } from "@/lib/fleet/live/event-cursor";
import type { FleetMessage } from "@/lib/fleet/live/messages";
import { Histogram } from "./histogram";

// From a restart (about a second) to a redeploy that pulls and waits out its grace time (minutes).
export const ACTION_BUCKETS = [0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600] as const;

type HostEvents = { count: number; lastLagSeconds: number; lastEventSeconds: number };

/**
 * What /metrics cannot read from the store or the database because nothing keeps it: how long actions took,
 * and how far behind its engine each host's event stream runs. Fed by lib/startup from what the fleet publishes,
 * so counting costs nothing per scrape and adds no engine call.
 */
export class MetricsRecorder {
  readonly actionDurations = new Histogram(ACTION_BUCKETS);
  private readonly running = new Map<number, string>();
  private readonly events = new Map<string, HostEvents>();

  onMessage(message: FleetMessage): void {
    if (message.type !== "action") return;
    const { progress } = message;
    if (!progress.done) {
      this.running.set(progress.historyId, progress.action);
      return;
    }
    this.running.delete(progress.historyId);
    if (progress.outcome && progress.durationMs !== undefined)
      this.actionDurations.observe(
        { action: progress.action, outcome: progress.outcome },
        progress.durationMs / 1000,
      );
  }

  /** The lag is the engine's time of an event to the moment Wharf applied it (both clocks are the host's own on loopback; across machines it includes their skew). */
  onChange(change: FleetChange, now = Date.now()): void {
    if (change.kind !== "event" || change.replayed) return;
    const at = eventMs(change.event);
    const entry = this.events.get(change.host.id) ?? { count: 0, lastLagSeconds: 0, lastEventSeconds: 0 };
    entry.count += 1;
    entry.lastLagSeconds = Math.max(0, now - at) / 1000;
    entry.lastEventSeconds = at / 1000;
    this.events.set(change.host.id, entry);
  }

  runningActions(): Map<string, number> {
    const byAction = new Map<string, number>();
    for (const action of this.running.values()) byAction.set(action, (byAction.get(action) ?? 0) + 1);
    return byAction;
  }

  hostEvents(hostId: string): HostEvents | undefined {
    return this.events.get(hostId);
  }
}

// Next evaluates modules more than once in one process (instrumentation, each route bundle): the one recorder
// lib/startup feeds must be the one /metrics reads.
const KEY = Symbol.for("wharf.metrics-recorder");

export function getMetricsRecorder(): MetricsRecorder {
  const holder = globalThis as { [KEY]?: MetricsRecorder };
  return (holder[KEY] ??= new MetricsRecorder());
}
