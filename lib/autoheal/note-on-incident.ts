import "server-only";
import { getDatabase } from "@/lib/db/database";
import { getLiveFleet } from "@/lib/fleet/live/get-live-fleet";
import { appendIncidentNote } from "@/lib/incidents/db/append-incident-note";
import { findOpenIncident } from "@/lib/incidents/db/find-open-incident";
import type { IncidentTables } from "@/lib/incidents/db/incident-table";
import { inIncidentOrder } from "@/lib/incidents/in-incident-order";

/** Adds a line to the container's open incident, if it has one, and tells live clients; returns its id. */
export function noteOnIncident(hostId: string, containerName: string, text: string): Promise<number | null> {
  // After the tracker's writes for the same change: the incident it opens is the one this note is about.
  return inIncidentOrder(async () => {
    const db = await getDatabase<IncidentTables>();
    const open = await findOpenIncident(db, hostId, containerName);
    if (!open) return null;
    const incident = await appendIncidentNote(db, open.id, text);
    getLiveFleet().store.publish({ type: "incident", incident });
    return incident.id;
  });
}
