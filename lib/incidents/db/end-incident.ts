import "server-only";
import type { Kysely } from "kysely";
import type { EndReason, Incident } from "@/lib/fleet/incident-types";
import { incidentNotFound, incidentSelection, toIncident } from "./incident-row";
import type { IncidentTables } from "./incident-table";

export async function endIncident(
  db: Kysely<IncidentTables>,
  id: number,
  endedAt: string,
  reason: EndReason,
): Promise<Incident> {
  // A late or repeated "container recovered" event must not move the end time, nor change the reason, of an
  // incident already closed.
  const row = await db
    .updateTable("incidents")
    .set((eb) => ({
      end_reason: eb.case().when("ended_at", "is", null).then(reason).else(eb.ref("end_reason")).end(),
      ended_at: eb.fn.coalesce("ended_at", eb.val(endedAt)),
    }))
    .where("id", "=", id)
    .returning(incidentSelection(db))
    .executeTakeFirst();
  if (row === undefined) throw incidentNotFound(id);
  return toIncident(row);
}
