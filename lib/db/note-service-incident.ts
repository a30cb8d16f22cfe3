import "server-only";
import type { Incident } from "@/lib/incidents/types";
import { cachedStatement } from "./cached-statement";
import type { Db } from "./db";
import { incidentColumns, toIncident, toLogTailJson } from "./incident-row";

export type ServiceIncidentNote = {
  hostId: string;
  serviceName: string;
  serviceId: string;
  image: string;
  kind: "task-failed" | "short";
  taskId?: string | null;
  nodeId?: string | null;
  error?: string | null;
  exitCode?: number | null;
  logTail?: string[];
  at: string;
};

/**
 * Opens an incident of this kind for the service, or, when one is still open, folds this occurrence into it
 * (count + 1, latest task, error and exit code): a service whose tasks keep failing is one incident, like a
 * restart loop, not one per task. `bump: false` refreshes an open one without counting (the same task seen again).
 */
export function noteServiceIncident(
  db: Db,
  note: ServiceIncidentNote,
  bump = true,
): { incident: Incident; opened: boolean } {
  return db.transaction(() => {
    const open = cachedStatement(
      db,
      `SELECT id FROM incidents
       WHERE target = 'service' AND host_id = ? AND container_name = ? AND kind = ? AND ended_at IS NULL
       ORDER BY opened_at DESC, id DESC LIMIT 1`,
    ).get(note.hostId, note.serviceName, note.kind) as { id: number } | undefined;
    const logTail = toLogTailJson(note.logTail ?? []);
    if (open) {
      const row = cachedStatement(
        db,
        `UPDATE incidents SET count = count + ?, last_at = ?, container_id = ?, task_id = COALESCE(?, task_id),
           node_id = COALESCE(?, node_id), error = COALESCE(?, error), exit_code = COALESCE(?, exit_code),
           log_tail = CASE WHEN ? = '[]' THEN log_tail ELSE ? END
         WHERE id = ? RETURNING ${incidentColumns}`,
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
      return { incident: toIncident(row), opened: false };
    }
    const row = cachedStatement(
      db,
      `INSERT INTO incidents (target, host_id, container_name, container_id, image, kind, task_id, node_id, error,
         exit_code, log_tail, opened_at, last_at)
       VALUES ('service', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING ${incidentColumns}`,
    ).get(
      note.hostId,
      note.serviceName,
      note.serviceId,
      note.image,
      note.kind,
      note.taskId ?? null,
      note.nodeId ?? null,
      note.error ?? null,
      note.exitCode ?? null,
      logTail,
      note.at,
      note.at,
    );
    return { incident: toIncident(row), opened: true };
  })();
}
