import "server-only";
import { toWharfError } from "@/lib/docker/engine-error";
import { swarmOps } from "@/lib/docker/swarm-ops";
import { managerHosts } from "./manager-hosts";
import { nodeHosts } from "./node-hosts";
import { toNodeRow } from "./to-node-row";
import type { NodeRow, NodesResponse } from "./types";

/** The nodes of every asked-for manager's swarm, as `docker node ls` shows them. */
export async function listNodes(hostIds?: string[]): Promise<NodesResponse> {
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
