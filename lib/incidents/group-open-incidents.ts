import type { Incident } from "@/lib/fleet/incident-types";

/** Per "hostId/containerName": how many incidents are open, and the newest one's last stderr line. */
export type OpenIncidents = Map<string, { count: number; lastStderr: string | null }>;

export function groupOpenIncidents(incidents: Incident[]): OpenIncidents {
  const grouped: OpenIncidents = new Map();
  // Newest first, as the API and the live cache keep them: the first seen per container is its latest.
  for (const incident of incidents) {
    // A service's incidents are shown with the service, not on a container that happens to share its name.
    if (incident.target !== "container") continue;
    const key = `${incident.hostId}/${incident.containerName}`;
    const seen = grouped.get(key);
    if (seen) seen.count += 1;
    else grouped.set(key, { count: 1, lastStderr: incident.lastStderr });
  }
  return grouped;
}
