import "server-only";
import { getDatabase } from "@/lib/db/database";
import type { IncidentTables } from "@/lib/incidents/db/incident-table";
import { listServiceIncidents } from "@/lib/incidents/db/list-service-incidents";
import { toWharfError } from "@/lib/docker/engine-error";
import { swarmOps } from "@/lib/docker/swarm-ops";
import {
  FULL_VIEW,
  incidentTarget,
  serviceTarget,
  visibleHostIds,
  type Visibility,
} from "@/lib/fleet/fleet-targets";
import { managerHosts } from "./manager-hosts";
import { toServiceRow } from "./to-service-row";
import type { ServiceRow, ServicesResponse } from "./types";

/**
 * The services of every asked-for host that is a swarm manager, read from the managers at the time of asking:
 * a list the CLI's `docker service ls` agrees with. Live clients re-read it when a service event arrives.
 */
export async function listServices(
  asked?: string[],
  view: Visibility = FULL_VIEW,
): Promise<ServicesResponse> {
  const hostIds = visibleHostIds(asked, view);
  // managerHosts reads no list as all of them.
  if (hostIds?.length === 0) return { services: [], hosts: [], incidents: [] };
  const checks = await managerHosts(hostIds);
  const services: ServiceRow[] = [];
  const hosts: ServicesResponse["hosts"] = [];
  await Promise.all(
    checks.map(async ({ host, manager, error }) => {
      if (!manager) return hosts.push({ id: host.id, manager, error });
      try {
        const [list, tasks] = await Promise.all([swarmOps.services(host), swarmOps.tasks(host)]);
        for (const service of list) {
          const row = toServiceRow(host.id, service, tasks);
          if (view.sees(serviceTarget(row.hostId, row.name))) services.push(row);
        }
        hosts.push({ id: host.id, manager, error: null });
      } catch (failure) {
        hosts.push({ id: host.id, manager, error: toWharfError(failure, host).message });
      }
    }),
  );
  services.sort(
    (a, b) =>
      (a.stack ?? "").localeCompare(b.stack ?? "") ||
      a.name.localeCompare(b.name) ||
      a.hostId.localeCompare(b.hostId),
  );
  hosts.sort((a, b) => a.id.localeCompare(b.id));
  const managers = checks.filter((check) => check.manager).map((check) => check.host.id);
  const db = await getDatabase<IncidentTables>();
  return {
    services,
    hosts,
    incidents: (await listServiceIncidents(db, { hostIds: managers, openOnly: true })).filter((incident) =>
      view.sees(incidentTarget(incident)),
    ),
  };
}
