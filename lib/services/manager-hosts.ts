import "server-only";
import { WharfError } from "@/lib/core/errors";
import { reachabilityReason } from "@/lib/docker/engine-error";
import { findHost, loadFleet } from "@/lib/docker/load-fleet";
import { swarmOps } from "@/lib/docker/swarm-ops";
import type { Host } from "@/lib/docker/host-config";
import { getLiveFleet } from "@/lib/fleet/live/get-live-fleet";

export type ManagerCheck = { host: Host; manager: boolean; error: string | null };

/** The asked-for hosts (all when none), each with whether it is a swarm manager, or why it cannot say. */
export async function managerHosts(hostIds?: string[]): Promise<ManagerCheck[]> {
  const hosts = hostIds && hostIds.length > 0 ? hostIds.map(findHost) : loadFleet();
  // A host the watchers know is down would only make every list wait for its timeout.
  const { store } = getLiveFleet();
  await store.ready(hosts.map((host) => host.id));
  return Promise.all(
    hosts.map(async (host) => {
      const summary = store.availability(host.id);
      if (summary.status === "down")
        return { host, manager: false, error: `unreachable: ${summary.error ?? "down"}` };
      try {
        const membership = await swarmOps.membership(host);
        return {
          host,
          manager: membership.manager,
          error: membership.manager
            ? null
            : membership.state === "active"
              ? "a swarm worker: only managers list services"
              : "not in a swarm",
        };
      } catch (error) {
        return { host, manager: false, error: `unreachable: ${reachabilityReason(error as Error)}` };
      }
    }),
  );
}

/** The host, which must be a swarm manager (a clear 409 otherwise: it exists, but has no services to act on). */
export async function requireManager(hostId: string): Promise<Host> {
  const [check] = await managerHosts([hostId]);
  if (check!.error?.startsWith("unreachable"))
    throw new WharfError("HOST_UNREACHABLE", `Host "${hostId}" is ${check!.error.replace(":", " —")}`);
  if (!check!.manager)
    throw new WharfError("CONFLICT", `Host "${hostId}" is not a swarm manager (${check!.error})`);
  return check!.host;
}
