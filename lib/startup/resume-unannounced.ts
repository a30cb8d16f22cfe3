import "server-only";
import type { AlertDispatcher } from "@/lib/alerts/alert-dispatcher";
import { getDatabase } from "@/lib/db/database";
import type { Host } from "@/lib/docker/host-config";
import type { IncidentTables } from "@/lib/incidents/db/incident-table";
import { listIncidents } from "@/lib/incidents/db/list-incidents";
import type { IncidentTracker } from "@/lib/incidents/incident-tracker";

// An incident waits at most 1.5 s for its log before it is announced: one still unread after a failover that
// took longer than this was left by a recorder that died, or by a read that failed (then it went out without).
const RESUME_WITHIN_MS = 10 * 60_000;

/**
 * For a replica that has just become the recorder: the crashes the last recorder opened an incident for but
 * killed before it read their log tail and announced them. Their alert would otherwise never leave (the outbox
 * had nothing yet) and their log tail never be read. Each is announced once its log is in, as a fresh one is;
 * one the last recorder did queue is not queued again (the outbox's key per channel).
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
    if (!host || incident.logReadAt !== null || Date.parse(incident.openedAt) < since) continue;
    alerts.resume(incident);
    tracker.keepLogTail(host, incident);
  }
}
