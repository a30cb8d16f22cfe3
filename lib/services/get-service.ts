import "server-only";
import { getDatabase } from "@/lib/db/database";
import type { IncidentTables } from "@/lib/incidents/db/incident-table";
import { listServiceIncidents } from "@/lib/incidents/db/list-service-incidents";
import { swarmOps } from "@/lib/docker/swarm-ops";
import { listServiceHistory } from "./db/list-service-history";
import type { ServicesTables } from "./db/service-history-table";
import { requireManager } from "./manager-hosts";
import { nodeHosts } from "./node-hosts";
import { serviceError } from "./service-error";
import { toServiceRow } from "./to-service-row";
import { sortTasks, toTaskRow } from "./to-task-row";
import type { ServiceResponse } from "./types";

/** One service with its tasks (what `docker service ps` lists), its history and its incidents. */
export async function getService(hostId: string, name: string): Promise<ServiceResponse> {
  const host = await requireManager(hostId);
  const service = await swarmOps.service(host, name).catch((error) => {
    throw serviceError(error, host, name);
  });
  const [tasks, nodes, byNode] = await Promise.all([
    swarmOps.tasks(host, service.ID),
    swarmOps.nodes(host),
    nodeHosts(),
  ]);
  const nodeNames = new Map(
    nodes.map((node) => [
      node.ID,
      { hostname: node.Description.Hostname, fleetHostId: byNode.get(node.ID) ?? null },
    ]),
  );
  const serviceName = service.Spec.Name;
  const history = await listServiceHistory(await getDatabase<ServicesTables>(), host.id, serviceName);
  return {
    service: toServiceRow(host.id, service, tasks),
    tasks: sortTasks(tasks.map((task) => toTaskRow(task, nodeNames))),
    history,
    incidents: await listServiceIncidents(
      await getDatabase<IncidentTables>(),
      { hostIds: [host.id], serviceName, openOnly: false },
      20,
    ),
  };
}
