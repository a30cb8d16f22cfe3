import "server-only";
import { sql, type Kysely } from "kysely";
import { dialectOf } from "@/lib/db/dialect";
import type { Incident } from "@/lib/fleet/incident-types";
import { incidentNotFound, incidentSelection, toIncident } from "./incident-row";
import type { IncidentTables } from "./incident-table";

// A note is one line fit to show; a runaway caller must not grow a row without bound.
const MAX_NOTES = 100;
const MAX_NOTE_LENGTH = 500;

/** Appends one line to an incident's notes (the oldest go once there are 100) and returns the incident. */
export async function appendIncidentNote(
  db: Kysely<IncidentTables>,
  id: number,
  text: string,
  at = new Date().toISOString(),
): Promise<Incident> {
  const line = text.slice(0, MAX_NOTE_LENGTH);
  // In one statement, so two notes at once both land: each dialect edits its JSON text its own way.
  const notes =
    dialectOf(db) === "postgres"
      ? sql<string>`(CASE WHEN jsonb_array_length(notes::jsonb) >= ${sql.lit(MAX_NOTES)}
          THEN notes::jsonb - 0 ELSE notes::jsonb END
          || jsonb_build_array(jsonb_build_object('at', ${at}::text, 'text', ${line}::text)))::text`
      : sql<string>`json_insert(
          CASE WHEN json_array_length(notes) >= ${sql.lit(MAX_NOTES)} THEN json_remove(notes, '$[0]') ELSE notes END,
          '$[#]', json_object('at', ${at}, 'text', ${line}))`;
  const row = await db
    .updateTable("incidents")
    .set({ notes })
    .where("id", "=", id)
    .returning(incidentSelection(db))
    .executeTakeFirst();
  if (row === undefined) throw incidentNotFound(id);
  return toIncident(row);
}
