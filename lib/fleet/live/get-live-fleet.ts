import "server-only";
import { loadFleet } from "@/lib/docker/load-fleet";
import { IncidentTracker } from "@/lib/incidents/incident-tracker";
import { FleetStore } from "./fleet-store";
import { HostWatcher } from "./watch-host";

export type LiveFleet = { store: FleetStore; tracker: IncidentTracker; watchers: HostWatcher[]; bootId: string };

// Next can evaluate a module more than once in one process (instrumentation and route bundles); the watchers
// must exist once, so they hang off globalThis.
const KEY = Symbol.for("wharf.live-fleet");
type Holder = { [KEY]?: LiveFleet };

// Incidents that recover (running 10 s) have no event to mark the moment; a slow sweep ends them.
const SWEEP_EVERY_MS = 2_000;

/** The process's live fleet state, started on first use: a watcher per host and the incident tracker. */
export function getLiveFleet(): LiveFleet {
  const holder = globalThis as Holder;
  if (!holder[KEY]) {
    const hosts = loadFleet();
    const store = new FleetStore(hosts);
    const tracker = new IncidentTracker(store);
    const watchers = hosts.map((host) => new HostWatcher(host, store, tracker));
    holder[KEY] = { store, tracker, watchers, bootId: Date.now().toString(36) };
    for (const watcher of watchers) watcher.start();
    setInterval(() => {
      try {
        tracker.sweep();
      } catch (error) {
        console.error("[wharf] incident sweep failed", error);
      }
    }, SWEEP_EVERY_MS).unref();
  }
  return holder[KEY];
}
