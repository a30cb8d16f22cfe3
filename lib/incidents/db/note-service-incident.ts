import "server-only";
import type { Kysely } from "kysely";
import type { Incident } from "@/lib/fleet/incident-types";
import { incidentSelection, toIncident, toLogTailJson } from "./incident-row";
import type { IncidentTables } from "./incident-table";

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
export async function noteServiceIncident(
  db: Kysely<IncidentTables>,
  note: ServiceIncidentNote,
  bump = true,
): Promise<{ incident: Incident; opened: boolean }> {
  const logTail = toLogTailJson(note.logTail ?? []);
  return db.transaction().execute(async (trx) => {
    const open = await trx
      .selectFrom("incidents")
      .select("id")
      .where("target", "=", "service")
      .where("host_id", "=", note.hostId)
      .where("container_name", "=", note.serviceName)
      .where("kind", "=", note.kind)
      .where("ended_at", "is", null)
      .orderBy("opened_at", "desc")
      .orderBy("id", "desc")
      .limit(1)
      .executeTakeFirst();
    if (open) {
      const row = await trx
        .updateTable("incidents")
        .set((eb) => ({
          count: eb("count", "+", bump ? 1 : 0),
          last_at: note.at,
          container_id: note.serviceId,
          task_id: eb.fn.coalesce(eb.val(note.taskId ?? null), "task_id"),
          node_id: eb.fn.coalesce(eb.val(note.nodeId ?? null), "node_id"),
          error: eb.fn.coalesce(eb.val(note.error ?? null), "error"),
          exit_code: eb.fn.coalesce(eb.val(note.exitCode ?? null), "exit_code"),
          // An occurrence without logs (a short service) keeps the last ones read.
          ...(logTail === "[]" ? {} : { log_tail: logTail }),
        }))
        .where("id", "=", open.id)
        .returning(incidentSelection(trx))
        .executeTakeFirstOrThrow();
      return { incident: toIncident(row), opened: false };
    }
    const row = await trx
      .insertInto("incidents")
      .values({
        target: "service",
        host_id: note.hostId,
        container_name: note.serviceName,
        container_id: note.serviceId,
        image: note.image,
        kind: note.kind,
        task_id: note.taskId ?? null,
        node_id: note.nodeId ?? null,
        error: note.error ?? null,
        exit_code: note.exitCode ?? null,
        log_tail: logTail,
        opened_at: note.at,
        last_at: note.at,
      })
      .returning(incidentSelection(trx))
      .executeTakeFirstOrThrow();
    return { incident: toIncident(row), opened: true };
  });
}
