import "server-only";
import type { Incident } from "@/lib/fleet/incident-types";
import { getLiveFleet } from "@/lib/fleet/live/get-live-fleet";
import { getDatabase } from "@/lib/db/database";
import { acknowledgeIncident as recordAcknowledgement } from "./db/acknowledge-incident";
import type { IncidentTables } from "./db/incident-table";

/** Marks an incident as taken by someone, and tells every open dashboard. */
export async function acknowledgeIncident(id: number, by: string): Promise<{ incident: Incident }> {
  const db = await getDatabase<IncidentTables>();
  const incident = await recordAcknowledgement(db, id, by, new Date().toISOString());
  getLiveFleet().store.publish({ type: "incident", incident });
  return { incident };
}
