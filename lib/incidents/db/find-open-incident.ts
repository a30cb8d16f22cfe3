import "server-only";
import type { Kysely } from "kysely";
import type { Incident } from "@/lib/fleet/incident-types";
import { incidentSelection, toIncident } from "./incident-row";
import type { IncidentTables } from "./incident-table";

/** The newest incident still open for this container, if any: the one a new crash should add to. */
export async function findOpenIncident(
  db: Kysely<IncidentTables>,
  hostId: string,
  containerName: string,
): Promise<Incident | null> {
  const row = await db
    .selectFrom("incidents")
    .select(incidentSelection(db))
    .where("host_id", "=", hostId)
    .where("container_name", "=", containerName)
    .where("ended_at", "is", null)
    .where("target", "=", "container")
    .orderBy("opened_at", "desc")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  return row === undefined ? null : toIncident(row);
}
