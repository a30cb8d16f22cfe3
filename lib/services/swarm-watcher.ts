import "server-only";
import type { Host } from "@/lib/docker/host-config";
import { loadFleet } from "@/lib/docker/load-fleet";
import { streamEvents, type EngineEvent } from "@/lib/docker/stream-events";
import { swarmOps } from "@/lib/docker/swarm-ops";
import type { FleetChange } from "@/lib/fleet/live/change-feed";
import { announceServices } from "./announce";
import { nodeHosts } from "./node-hosts";
import { recordExternalUpdate } from "./record-external-update";
import { ServiceIncidentKeeper } from "./service-incident-keeper";
import { toServiceRow } from "./to-service-row";

// Events come in bursts (one per task state); one read of the manager covers a burst.
const SETTLE_MS = 250;
// While a service converges or is short, tasks change without any service or node event: read again this
// often, and only then (the bounded refresh the issue allows). Idle services cost nothing.
const CONVERGING_EVERY_MS = 2_000;
const RECONNECT_MS = 2_000;
const TASK_LABEL = "com.docker.swarm.task.id";

type Watched = {
  host: Host;
  timer: ReturnType<typeof setTimeout> | null;
  /** A read is under way; `dirty`: something changed meanwhile, read once more after it. */
  running: boolean;
  dirty: boolean;
  fingerprint: string;
};

/**
 * Follows every swarm manager of the fleet: its `service` and `node` events, and the container events of task
 * containers on the fleet's engines (the engine emits no event for a task itself), refresh the manager's
 * services and tasks, which feeds service incidents and tells live clients to re-read.
 */
export class SwarmWatcher {
  private readonly managers = new Map<string, Watched>();
  private readonly incidents = new ServiceIncidentKeeper();
  private stopped = false;

  /** `records`: whether this server records (lib/startup's gate): a follower only tells its pages to re-read. */
  constructor(private readonly records: () => boolean = () => true) {}

  start(): void {
    for (const host of loadFleet()) void this.follow(host);
  }

  /** A task container's event on any engine: its manager's tasks changed. */
  onChange(change: FleetChange): void {
    if (change.kind !== "event" || change.replayed) return;
    if (!change.event.Actor.Attributes[TASK_LABEL]) return;
    for (const watched of this.managers.values()) this.schedule(watched, SETTLE_MS);
  }

  private async follow(host: Host): Promise<void> {
    while (!this.stopped) {
      const controller = new AbortController();
      try {
        const membership = await swarmOps.membership(host);
        if (!membership.manager) {
          // A standalone engine, or a worker: nothing to follow until it is a manager; look again now and then.
          await new Promise((resolve) => setTimeout(resolve, 60_000).unref?.());
          continue;
        }
        await streamEvents(host, {
          types: ["service", "node"],
          signal: controller.signal,
          onOpen: () => {
            const watched = this.managers.get(host.id) ?? {
              host,
              timer: null,
              running: false,
              dirty: false,
              fingerprint: "",
            };
            this.managers.set(host.id, watched);
            this.schedule(watched, 0);
          },
          onEvent: (event) => this.onManagerEvent(host, event),
        });
      } catch {
        // The manager went away or the stream broke: try again; its services are re-read on reconnect.
      }
      controller.abort();
      await new Promise((resolve) => setTimeout(resolve, RECONNECT_MS));
    }
  }

  private onManagerEvent(host: Host, event: EngineEvent): void {
    const watched = this.managers.get(host.id);
    if (!watched) return;
    if (!this.records()) announceServices(host.id, event.Actor.Attributes.name ?? null);
    else
      void recordExternalUpdate(host, event)
        .then((recorded) => recorded && announceServices(host.id, event.Actor.Attributes.name ?? null))
        .catch((error) => console.error(`[wharf] recording a service change on ${host.id} failed`, error));
    this.schedule(watched, SETTLE_MS);
  }

  private schedule(watched: Watched, delay: number): void {
    // One read at a time per manager, or two could count the same failed task twice.
    if (watched.running) {
      watched.dirty = true;
      return;
    }
    if (watched.timer) return;
    watched.timer = setTimeout(() => void this.refresh(watched), delay);
  }

  private async refresh(watched: Watched): Promise<void> {
    const { host } = watched;
    watched.timer = null;
    watched.running = true;
    watched.dirty = false;
    let again = false;
    try {
      const [services, tasks, byNode] = await Promise.all([
        swarmOps.services(host),
        swarmOps.tasks(host),
        nodeHosts(),
      ]);
      const incidentsChanged =
        this.records() && (await this.incidents.observe(host, services, tasks, byNode));
      const rows = services.map((service) => toServiceRow(host.id, service, tasks));
      const fingerprint = JSON.stringify([
        rows.map((row) => [row.id, row.version, row.replicas, row.updateStatus?.state, row.failingTasks]),
        tasks.map((task) => [task.ID, task.Status.State, task.DesiredState, task.NodeID]),
      ]);
      if (fingerprint !== watched.fingerprint || incidentsChanged) announceServices(host.id, null);
      watched.fingerprint = fingerprint;
      again = rows.some((row) => row.converging) || (this.records() && this.incidents.pendingShort(host.id));
    } catch {
      // The manager is unreachable: its event stream breaks too, and the reconnect reads it again.
    }
    watched.running = false;
    if (watched.dirty) this.schedule(watched, SETTLE_MS);
    else if (again && !this.stopped) this.schedule(watched, CONVERGING_EVERY_MS);
  }
}
