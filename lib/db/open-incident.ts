import "server-only";
import type { Incident, NewIncident } from "@/lib/incidents/types";
import { cachedStatement } from "./cached-statement";
import type { Db } from "./db";
import { incidentColumns, toIncident, toLogTailJson } from "./incident-row";

export function openIncident(db: Db, input: NewIncident): Incident {
  const row = cachedStatement(
    db,
    `INSERT INTO incidents
       (host_id, container_name, container_id, image, kind, exit_code, opened_at, last_at, count, log_tail, health_output, oom,
        last_stderr, target, task_id, node_id, error, log_read_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     RETURNING ${incidentColumns}`,
  ).get(
    input.hostId,
    input.containerName,
    input.containerId,
    input.image,
    input.kind,
    input.exitCode,
    input.openedAt,
    input.lastAt,
    input.count,
    toLogTailJson(input.logTail),
    input.healthOutput,
    Number(input.oom),
    input.lastStderr,
    input.target ?? "container",
    input.taskId ?? null,
    input.nodeId ?? null,
    input.error ?? null,
    input.logReadAt ?? null,
  );
  return toIncident(row);
}
