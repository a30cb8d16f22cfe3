import "server-only";
import type { Generated, Selectable } from "kysely";
import type { ServiceHistoryEntry } from "../types";

/**
 * service_history (migration 12): one row per action on a swarm service, Wharf's own (written before it touches
 * the service, settled after) or a change made outside Wharf (`update`, source `external`).
 */
export type ServiceHistoryTable = {
  id: Generated<number>;
  at: string;
  actor: string;
  source: ServiceHistoryEntry["source"];
  action: ServiceHistoryEntry["action"];
  host_id: string;
  service_name: string;
  service_id: string;
  image_before: string | null;
  image_after: string | null;
  digest_before: string | null;
  digest_after: string | null;
  replicas_before: number | null;
  replicas_after: number | null;
  version_before: number | null;
  version_after: number | null;
  outcome: ServiceHistoryEntry["outcome"];
  error: string | null;
  duration_ms: number | null;
};

/** The tables services own; lib/startup/database.ts composes every feature's into the whole database. */
export type ServicesTables = { service_history: ServiceHistoryTable };

export const serviceHistoryColumns = [
  "id",
  "at",
  "actor",
  "source",
  "action",
  "host_id",
  "service_name",
  "service_id",
  "image_before",
  "image_after",
  "digest_before",
  "digest_after",
  "replicas_before",
  "replicas_after",
  "version_before",
  "version_after",
  "outcome",
  "error",
  "duration_ms",
] as const satisfies readonly (keyof ServiceHistoryTable)[];

export function toServiceHistoryEntry(row: Selectable<ServiceHistoryTable>): ServiceHistoryEntry {
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    source: row.source,
    action: row.action,
    hostId: row.host_id,
    serviceName: row.service_name,
    serviceId: row.service_id,
    imageBefore: row.image_before,
    imageAfter: row.image_after,
    digestBefore: row.digest_before,
    digestAfter: row.digest_after,
    replicasBefore: row.replicas_before,
    replicasAfter: row.replicas_after,
    versionBefore: row.version_before,
    versionAfter: row.version_after,
    outcome: row.outcome,
    error: row.error,
    durationMs: row.duration_ms,
  };
}
