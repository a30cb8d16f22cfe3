import "server-only";
import type { ServiceHistoryEntry } from "@/lib/swarm/types";

export const serviceHistoryColumns = `id, at, actor, source, action, host_id, service_name, service_id, image_before,
  image_after, digest_before, digest_after, replicas_before, replicas_after, version_before, version_after, outcome,
  error, duration_ms`;

type Row = Record<string, unknown>;

export function toServiceHistoryEntry(raw: unknown): ServiceHistoryEntry {
  const row = raw as Row;
  return {
    id: row.id as number,
    at: row.at as string,
    actor: row.actor as string,
    source: row.source as ServiceHistoryEntry["source"],
    action: row.action as ServiceHistoryEntry["action"],
    hostId: row.host_id as string,
    serviceName: row.service_name as string,
    serviceId: row.service_id as string,
    imageBefore: (row.image_before as string | null) ?? null,
    imageAfter: (row.image_after as string | null) ?? null,
    digestBefore: (row.digest_before as string | null) ?? null,
    digestAfter: (row.digest_after as string | null) ?? null,
    replicasBefore: (row.replicas_before as number | null) ?? null,
    replicasAfter: (row.replicas_after as number | null) ?? null,
    versionBefore: (row.version_before as number | null) ?? null,
    versionAfter: (row.version_after as number | null) ?? null,
    outcome: (row.outcome as ServiceHistoryEntry["outcome"]) ?? null,
    error: (row.error as string | null) ?? null,
    durationMs: (row.duration_ms as number | null) ?? null,
  };
}
