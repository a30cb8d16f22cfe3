import "server-only";
import type { Kysely } from "kysely";
import type { ServiceHistoryEntry } from "../types";
import { serviceHistoryColumns, toServiceHistoryEntry, type ServicesTables } from "./service-history-table";

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
export async function recordServiceHistory(
  db: Kysely<ServicesTables>,
  entry: NewServiceHistoryEntry,
): Promise<ServiceHistoryEntry> {
  const row = await db
    .insertInto("service_history")
    .values({
      at: entry.at,
      actor: entry.actor,
      source: entry.source,
      action: entry.action,
      host_id: entry.hostId,
      service_name: entry.serviceName,
      service_id: entry.serviceId,
      image_before: entry.imageBefore ?? null,
      image_after: entry.imageAfter ?? null,
      digest_before: entry.digestBefore ?? null,
      digest_after: entry.digestAfter ?? null,
      replicas_before: entry.replicasBefore ?? null,
      replicas_after: entry.replicasAfter ?? null,
      version_before: entry.versionBefore ?? null,
      version_after: entry.versionAfter ?? null,
      outcome: entry.outcome ?? null,
      error: entry.error ?? null,
    })
    .returning(serviceHistoryColumns)
    .executeTakeFirstOrThrow();
  return toServiceHistoryEntry(row);
}
