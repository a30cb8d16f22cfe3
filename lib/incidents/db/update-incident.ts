import "server-only";
import type { Kysely, Updateable } from "kysely";
import type { Incident } from "@/lib/fleet/incident-types";
import type { IncidentPatch } from "../types";
import { getIncident } from "./get-incident";
import { incidentNotFound, incidentSelection, toIncident, toLogTailJson } from "./incident-row";
import type { IncidentTable, IncidentTables } from "./incident-table";

/** Writes only the fields present in `patch`; `null` clears a nullable field, `undefined` leaves it alone. */
export async function updateIncident(
  db: Kysely<IncidentTables>,
  id: number,
  patch: IncidentPatch,
): Promise<Incident> {
  // Column names come from this object, never from the patch's keys, so nothing a caller passes names a column;
  // keys absent here stay absent from the statement.
  const set: Updateable<IncidentTable> = {
    kind: patch.kind,
    exit_code: patch.exitCode,
    last_at: patch.lastAt,
    count: patch.count,
    log_tail: patch.logTail === undefined ? undefined : toLogTailJson(patch.logTail),
    health_output: patch.healthOutput,
    container_id: patch.containerId,
    image: patch.image,
    oom: patch.oom === undefined ? undefined : Number(patch.oom),
    last_stderr: patch.lastStderr,
    log_read_at: patch.logReadAt,
  };
  for (const key of Object.keys(set) as (keyof typeof set)[]) if (set[key] === undefined) delete set[key];
  if (Object.keys(set).length === 0) return getIncident(db, id);
  const row = await db
    .updateTable("incidents")
    .set(set)
    .where("id", "=", id)
    .returning(incidentSelection(db))
    .executeTakeFirst();
  if (row === undefined) throw incidentNotFound(id);
  return toIncident(row);
}
