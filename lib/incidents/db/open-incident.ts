import "server-only";
import type { Kysely } from "kysely";
import type { Incident } from "@/lib/fleet/incident-types";
import type { NewIncident } from "../types";
import { incidentSelection, toIncident, toLogTailJson } from "./incident-row";
import type { IncidentTables } from "./incident-table";

export async function openIncident(db: Kysely<IncidentTables>, input: NewIncident): Promise<Incident> {
  const row = await db
    .insertInto("incidents")
    .values({
      host_id: input.hostId,
      container_name: input.containerName,
      container_id: input.containerId,
      image: input.image,
      kind: input.kind,
      exit_code: input.exitCode,
      opened_at: input.openedAt,
      last_at: input.lastAt,
      count: input.count,
      log_tail: toLogTailJson(input.logTail),
      health_output: input.healthOutput,
      oom: Number(input.oom),
      last_stderr: input.lastStderr,
      target: input.target ?? "container",
      task_id: input.taskId ?? null,
      node_id: input.nodeId ?? null,
      error: input.error ?? null,
      log_read_at: input.logReadAt ?? null,
    })
    .returning(incidentSelection(db))
    .executeTakeFirstOrThrow();
  return toIncident(row);
}
