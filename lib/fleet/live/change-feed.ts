import "server-only";
import type { Host } from "@/lib/docker/host-config";
import type { EngineEvent } from "@/lib/docker/stream-events";
import type { ContainerRow, ExitCause } from "../types";

/**
 * What the host watchers tell the rest of Wharf, in the order it happened on each host:
 * - `event`: an engine event for a container, before the container is read again. `exitCause` is set on a
 *   `die`; `replayed` marks events the engine sent from before this process was watching (a catch-up).
 * - `row`: a container's row before and after a change (undefined: it did not exist / no longer exists).
 *   `baseline` is a host's first read in this process, which only learns what exists.
 */
export type FleetChange =
  | { kind: "event"; host: Host; event: EngineEvent; exitCause?: ExitCause; replayed: boolean }
  | {
      kind: "row";
      host: Host;
      previous: ContainerRow | undefined;
      next: ContainerRow | undefined;
      healthOutput: string | null;
      baseline: boolean;
    };

type Subscriber = { name: string; handle: (change: FleetChange) => void };

/**
 * The watchers' change feed. Incidents, external-change history and anything else that reacts to the fleet
 * subscribe here (wired in lib/startup), so the watcher knows nothing of them and one failing subscriber cannot
 * stop the fleet from updating or another subscriber from hearing about it.
 */
export class ChangeFeed {
  private readonly subscribers: Subscriber[] = [];

  subscribe(name: string, handle: (change: FleetChange) => void): () => void {
    const subscriber = { name, handle };
    this.subscribers.push(subscriber);
    return () => this.subscribers.splice(this.subscribers.indexOf(subscriber), 1);
  }

  emit(change: FleetChange): void {
    for (const subscriber of this.subscribers) {
      try {
        subscriber.handle(change);
      } catch (error) {
        console.error(
          `[wharf] ${subscriber.name} failed on a ${change.kind} change of host ${change.host.id}`,
          error,
        );
      }
    }
  }
}
