import "server-only";
import { toWharfError } from "@/lib/docker/engine-error";
import { swarmOps } from "@/lib/docker/swarm-ops";
import { FULL_VIEW, visibleHostIds, type Visibility } from "@/lib/fleet/fleet-targets";
import { managerHosts } from "./manager-hosts";
import { nodeHosts } from "./node-hosts";
import { toNodeRow } from "./to-node-row";
import type { NodeRow, NodesResponse } from "./types";

/**
 * The nodes of every asked-for manager's swarm, as `docker node ls` shows them. A swarm is its host's: a scoped
 * caller sees the nodes of the hosts it sees whole.
 */
export async function listNodes(asked?: string[], view: Visibility = FULL_VIEW): Promise<NodesResponse> {
  const hostIds = visibleHostIds(asked, view)?.filter(view.seesHost);
  // managerHosts reads no list as all of them.
  if (hostIds?.length === 0) return { nodes: [], hosts: [] };
  const checks = await managerHosts(hostIds);
  const byNode = await nodeHosts();
  const nodes: NodeRow[] = [];
  const hosts: NodesResponse["hosts"] = [];
  await Promise.all(
    checks.map(async ({ host, manager, error }) => {
      if (!manager) return hosts.push({ id: host.id, manager, error });
      try {
        for (const node of await swarmOps.nodes(host))
          nodes.push(toNodeRow(host.id, node, byNode.get(node.ID) ?? null));
        hosts.push({ id: host.id, manager, error: null });
      } catch (failure) {
        hosts.push({ id: host.id, manager, error: toWharfError(failure, host).message });
      }
    }),
  );
  nodes.sort(
    (a, b) => a.hostId.localeCompare(b.hostId) || a.role.localeCompare(b.role) || a.id.localeCompare(b.id),
  );
  hosts.sort((a, b) => a.id.localeCompare(b.id));
  return { nodes, hosts };
}
