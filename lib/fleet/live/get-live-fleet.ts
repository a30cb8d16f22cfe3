import "server-only";
import { loadFleet } from "@/lib/docker/load-fleet";
import { ChangeFeed } from "./change-feed";
import { FleetStore } from "./fleet-store";
import { HostWatcher } from "./watch-host";

export type LiveFleet = { store: FleetStore; feed: ChangeFeed; watchers: HostWatcher[]; bootId: string };

// Next can evaluate a module more than once in one process (instrumentation and route bundles); the watchers
// must exist once, so they hang off globalThis.
const KEY = Symbol.for("wharf.live-fleet");
type Holder = { [KEY]?: LiveFleet };

/**
 * The process's live fleet state, started on first use: a watcher per host feeding the store, and the change
 * feed that lib/startup subscribes incidents and external-change history to (server start does that first).
 */
export function getLiveFleet(): LiveFleet {
  const holder = globalThis as Holder;
  if (!holder[KEY]) {
    const hosts = loadFleet();
    const store = new FleetStore(hosts);
    const feed = new ChangeFeed();
    const watchers = hosts.map((host) => new HostWatcher(host, store, feed));
    holder[KEY] = { store, feed, watchers, bootId: Date.now().toString(36) };
    // Watchers report asynchronously, after their first engine round-trip: whoever called this (server
    // start) has subscribed by then.
    for (const watcher of watchers) watcher.start();
  }
  return holder[KEY];
}
