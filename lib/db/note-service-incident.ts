import "server-only";
import type { ServiceIncident } from "@/lib/swarm/types";
import { cachedStatement } from "./cached-statement";
import type { Db } from "./db";
import { serviceIncidentColumns, toServiceIncident } from "./service-incident-row";

export type ServiceIncidentNote = Pick<ServiceIncident, "hostId" | "serviceName" | "serviceId" | "kind"> &
  Partial<Pick<ServiceIncident, "taskId" | "nodeId" | "error" | "exitCode" | "logTail">> & { at: string };

/**
 * Opens an incident of this kind for the service, or, when one is still open, folds this occurrence into it
 * (count + 1, latest task, error and exit code): a service whose tasks keep failing is one incident, like a
 * restart loop, not one per task. `bump: false` refreshes an open one without counting (the same task seen again).
 */
export function noteServiceIncident(
  db: Db,
  note: ServiceIncidentNote,
  bump = true,
): { incident: ServiceIncident; opened: boolean } {
  return db.transaction(() => {
    const open = cachedStatement(
      db,
      `SELECT id FROM service_incidents WHERE host_id = ? AND service_name = ? AND kind = ? AND ended_at IS NULL
       ORDER BY opened_at DESC, id DESC LIMIT 1`,
    ).get(note.hostId, note.serviceName, note.kind) as { id: number } | undefined;
    const logTail = JSON.stringify(note.logTail ?? []);
    if (open) {
      const row = cachedStatement(
        db,
        `UPDATE service_incidents SET count = count + ?, last_at = ?, service_id = ?, task_id = COALESCE(?, task_id),
           node_id = COALESCE(?, node_id), error = COALESCE(?, error), exit_code = COALESCE(?, exit_code),
           log_tail = CASE WHEN ? = '[]' THEN log_tail ELSE ? END
         WHERE id = ? RETURNING ${serviceIncidentColumns}`,
      ).get(
        bump ? 1 : 0,
        note.at,
        note.serviceId,
        note.taskId ?? null,
        note.nodeId ?? null,
        note.error ?? null,
        note.exitCode ?? null,
        logTail,
        logTail,
        open.id,
      );
      return { incident: toServiceIncident(row), opened: false };
    }
    const row = cachedStatement(
      db,
      `INSERT INTO service_incidents (host_id, service_name, service_id, kind, task_id, node_id, error, exit_code,
         log_tail, opened_at, last_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING ${serviceIncidentColumns}`,
    ).get(
      note.hostId,
      note.serviceName,
      note.serviceId,
      note.kind,
      note.taskId ?? null,
      note.nodeId ?? null,
      note.error ?? null,
      note.exitCode ?? null,
      logTail,
      note.at,
      note.at,
    );
    return { incident: toServiceIncident(row), opened: true };
  })();
}
