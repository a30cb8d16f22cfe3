import "server-only";
import { getLiveFleet } from "@/lib/fleet/live/get-live-fleet";
import { appendIncidentNote } from "@/lib/db/append-incident-note";
import { getDb } from "@/lib/db/db";
import { findOpenIncident } from "@/lib/db/find-open-incident";

/** Adds a line to the container's open incident, if it has one, and tells live clients; returns its id. */
export function noteOnIncident(hostId: string, containerName: string, text: string): number | null {
  const db = getDb();
  const open = findOpenIncident(db, hostId, containerName);
  if (!open) return null;
  const incident = appendIncidentNote(db, open.id, text);
  getLiveFleet().store.publish({ type: "incident", incident });
  return incident.id;
}
