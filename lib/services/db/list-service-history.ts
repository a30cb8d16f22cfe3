import "server-only";
import type { Kysely } from "kysely";
import type { ServiceHistoryEntry } from "../types";
import { serviceHistoryColumns, toServiceHistoryEntry, type ServicesTables } from "./service-history-table";

/** A service's history, newest first. */
export async function listServiceHistory(
  db: Kysely<ServicesTables>,
  hostId: string,
  serviceName: string,
  limit = 50,
): Promise<ServiceHistoryEntry[]> {
  const rows = await db
    .selectFrom("service_history")
    .select(serviceHistoryColumns)
    .where("host_id", "=", hostId)
    .where("service_name", "=", serviceName)
    .orderBy("at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows.map(toServiceHistoryEntry);
}
