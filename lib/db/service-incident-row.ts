import "server-only";
import type { ServiceIncident } from "@/lib/swarm/types";

export const serviceIncidentColumns = `id, host_id, service_name, service_id, kind, task_id, node_id, error, exit_code,
  log_tail, count, opened_at, last_at, ended_at`;

export function toServiceIncident(raw: unknown): ServiceIncident {
  const row = raw as Record<string, unknown>;
  return {
    id: row.id as number,
    hostId: row.host_id as string,
    serviceName: row.service_name as string,
    serviceId: row.service_id as string,
    kind: row.kind as ServiceIncident["kind"],
    taskId: (row.task_id as string | null) ?? null,
    nodeId: (row.node_id as string | null) ?? null,
    error: (row.error as string | null) ?? null,
    exitCode: (row.exit_code as number | null) ?? null,
    logTail: JSON.parse(row.log_tail as string) as string[],
    count: row.count as number,
    openedAt: row.opened_at as string,
    lastAt: row.last_at as string,
    endedAt: (row.ended_at as string | null) ?? null,
  };
}
