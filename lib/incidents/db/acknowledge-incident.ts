import "server-only";
import type { Kysely } from "kysely";
import type { Incident } from "@/lib/fleet/incident-types";
import { incidentNotFound, incidentSelection, toIncident } from "./incident-row";
import type { IncidentTables } from "./incident-table";

export async function acknowledgeIncident(
  db: Kysely<IncidentTables>,
  id: number,
  by: string,
  at: string,
): Promise<Incident> {
  // The first acknowledgement stands: a double click or a second user must not rewrite who took it and when.
  const row = await db
    .updateTable("incidents")
    .set((eb) => ({
      acknowledged_by: eb.fn.coalesce("acknowledged_by", eb.val(by)),
      acknowledged_at: eb.fn.coalesce("acknowledged_at", eb.val(at)),
    }))
    .where("id", "=", id)
    .returning(incidentSelection(db))
    .executeTakeFirst();
  if (row === undefined) throw incidentNotFound(id);
  return toIncident(row);
}
