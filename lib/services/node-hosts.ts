import "server-only";
import { loadFleet } from "@/lib/docker/load-fleet";
import { swarmOps } from "@/lib/docker/swarm-ops";
import type { Host } from "@/lib/docker/host-config";
import { getLiveFleet } from "@/lib/fleet/live/get-live-fleet";

// Which fleet host each swarm node is, by the node id its engine reports. Read again at most this often: a
// host that was down, or joined since, shows up without a restart, and a busy page does not ask every engine.
const FRESH_MS = 10_000;
const holder = globalThis as { __wharfNodeHosts?: { at: number; byNode: Map<string, string> } };

/** Node id → fleet host id, for the fleet's engines that are swarm nodes. */
export async function nodeHosts(hosts: Host[] = loadFleet()): Promise<Map<string, string>> {
  const cached = holder.__wharfNodeHosts;
  if (cached && Date.now() - cached.at < FRESH_MS) return cached.byNode;
  // A host that does not answer now keeps the node it had: it is still that node, only unreachable.
  const byNode = new Map<string, string>(cached?.byNode);
  const { store } = getLiveFleet();
  await store.ready(hosts.map((host) => host.id));
  let complete = true;
  await Promise.all(
    hosts.map(async (host) => {
      // A host down (or still "connecting" at start-up) keeps the node it had, and is asked again next time.
      if (store.availability(host.id).status === "down") return void (complete = false);
      const membership = await swarmOps.membership(host).catch(() => null);
      if (!membership) complete = false;
      else if (membership.nodeId) byNode.set(membership.nodeId, host.id);
    }),
  );
  // Not every host answered: the map is used, but read again on the next ask rather than trusted for 10 s.
  holder.__wharfNodeHosts = { at: complete ? Date.now() : 0, byNode };
  return byNode;
}
