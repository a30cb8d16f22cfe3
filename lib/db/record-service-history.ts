import "server-only";
import type { ServiceHistoryEntry } from "@/lib/swarm/types";
import { cachedStatement } from "./cached-statement";
import type { Db } from "./db";
import { serviceHistoryColumns, toServiceHistoryEntry } from "./service-history-row";

export type NewServiceHistoryEntry = Pick<
  ServiceHistoryEntry,
  "at" | "actor" | "source" | "action" | "hostId" | "serviceName" | "serviceId"
> &
  Partial<
    Pick<
      ServiceHistoryEntry,
      | "imageBefore"
      | "imageAfter"
      | "digestBefore"
      | "digestAfter"
      | "replicasBefore"
      | "replicasAfter"
      | "versionBefore"
      | "versionAfter"
      | "outcome"
      | "error"
    >
  >;

/** Writes a service's history row; an action's row is written before it touches the service, and settled after. */
export function recordServiceHistory(db: Db, entry: NewServiceHistoryEntry): ServiceHistoryEntry {
  const row = cachedStatement(
    db,
    `INSERT INTO service_history (at, actor, source, action, host_id, service_name, service_id, image_before,
       image_after, digest_before, digest_after, replicas_before, replicas_after, version_before, version_after,
       outcome, error)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     RETURNING ${serviceHistoryColumns}`,
  ).get(
    entry.at,
    entry.actor,
    entry.source,
    entry.action,
    entry.hostId,
    entry.serviceName,
    entry.serviceId,
    entry.imageBefore ?? null,
    entry.imageAfter ?? null,
    entry.digestBefore ?? null,
    entry.digestAfter ?? null,
    entry.replicasBefore ?? null,
    entry.replicasAfter ?? null,
    entry.versionBefore ?? null,
    entry.versionAfter ?? null,
    entry.outcome ?? null,
    entry.error ?? null,
  );
  return toServiceHistoryEntry(row);
}
