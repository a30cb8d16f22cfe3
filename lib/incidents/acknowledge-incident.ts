import "server-only";
import { getLiveFleet } from "@/lib/fleet/live/get-live-fleet";
import { acknowledgeIncident as recordAcknowledgement } from "@/lib/db/acknowledge-incident";
import { getDb } from "@/lib/db/db";
import type { Incident } from "./types";

/** Marks an incident as taken by someone, and tells every open dashboard. */
export function acknowledgeIncident(id: number, by: string): { incident: Incident } {
  const incident = recordAcknowledgement(getDb(), id, by, new Date().toISOString());
  getLiveFleet().store.publish({ type: "incident", incident });
  return { incident };
}
