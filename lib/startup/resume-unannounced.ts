import "server-only";
import type { AlertDispatcher } from "@/lib/alerts/alert-dispatcher";
import { getDatabase } from "@/lib/db/database";
import type { Host } from "@/lib/docker/host-config";
import type { IncidentTables } from "@/lib/incidents/db/incident-table";
import { listIncidents } from "@/lib/incidents/db/list-incidents";
import type { IncidentTracker } from "@/lib/incidents/incident-tracker";

// An incident's first alert waits at most 1.5 s for its log, then is queued: one opened longer ago than this
// before a promotion was either queued by the last recorder or lost with it long since.
const RESUME_WITHIN_MS = 10 * 60_000;

/**
 * For a replica that has just become the recorder (or a lone server starting): the open incidents the last
 * recorder opened lately, which it may have been killed before announcing (waiting for the log tail, or between
 * the log and the outbox). Their alert would otherwise never leave. Each is announced again, once its log is in
 * when it has none yet (this replica reads it), at once otherwise; the outbox's key per channel
 * (`incident:ID:opened`) turns the announcement of one the last recorder did queue into nothing.
 */
export async function resumeUnannounced(
  hosts: Host[],
  tracker: IncidentTracker,
  alerts: AlertDispatcher,
): Promise<void> {
  const db = await getDatabase<IncidentTables>();
  const since = Date.now() - RESUME_WITHIN_MS;
  const open = await listIncidents(db, { open: true, target: "container", limit: 1000 });
  for (const incident of open) {
    const host = hosts.find((candidate) => candidate.id === incident.hostId);
    if (!host || Date.parse(incident.openedAt) < since) continue;
    alerts.resume(incident);
    if (incident.logReadAt === null) tracker.keepLogTail(host, incident);
  }
}
