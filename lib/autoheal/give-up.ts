import "server-only";
import type { ContainerRow } from "@/lib/fleet/types";
import { noteOnIncident } from "./note-on-incident";
import { emitAutoheal } from "./on-autoheal";
import { TRY_WINDOW_MS, type HealAction } from "./types";

/** Says on the incident, and to whoever listens, that auto-heal stops trying: a person has to look. */
export async function giveUp(
  row: ContainerRow,
  action: HealAction,
  tries: number,
  at: number,
): Promise<void> {
  const minutes = TRY_WINDOW_MS / 60_000;
  const reason = `it failed again after ${tries} tries in ${minutes} minutes`;
  const incidentId = await noteOnIncident(row.hostId, row.name, `Auto-heal gave up: ${reason}`);
  emitAutoheal({
    type: "autoheal.gave-up",
    at: new Date(at).toISOString(),
    hostId: row.hostId,
    containerName: row.name,
    action,
    tries,
    reason,
    incidentId,
  });
}
