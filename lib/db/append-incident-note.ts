import "server-only";
import type { Incident } from "@/lib/incidents/types";
import { cachedStatement } from "./cached-statement";
import type { Db } from "./db";
import { incidentColumns, incidentNotFound, toIncident } from "./incident-row";

// A note is one line fit to show; a runaway caller must not grow a row without bound.
const MAX_NOTES = 100;
const MAX_NOTE_LENGTH = 500;

/** Appends one line to an incident's notes (the oldest go once there are 100) and returns the incident. */
export function appendIncidentNote(
  db: Db,
  id: number,
  text: string,
  at = new Date().toISOString(),
): Incident {
  const row = cachedStatement(
    db,
    `UPDATE incidents
       SET notes = json_insert(
         CASE WHEN json_array_length(notes) >= ${MAX_NOTES} THEN json_remove(notes, '$[0]') ELSE notes END,
         '$[#]', json_object('at', ?, 'text', ?))
     WHERE id = ? RETURNING ${incidentColumns}`,
  ).get(at, text.slice(0, MAX_NOTE_LENGTH), id);
  if (row === undefined) throw incidentNotFound(id);
  return toIncident(row);
}
