import "server-only";
import type { Incident, IncidentPatch } from "@/lib/incidents/types";
import { cachedStatement } from "./cached-statement";
import type { Db } from "./db";
import { getIncident } from "./get-incident";
import { incidentColumns, incidentNotFound, toIncident, toLogTailJson } from "./incident-row";

// Column names come only from this map, never from the patch's keys, so nothing a caller passes reaches the
// SQL text; walking it in a fixed order also keeps the number of distinct cached statements small.
const columnByField = {
  kind: "kind",
  exitCode: "exit_code",
  lastAt: "last_at",
  count: "count",
  logTail: "log_tail",
  healthOutput: "health_output",
  containerId: "container_id",
  image: "image",
  oom: "oom",
  lastStderr: "last_stderr",
  logReadAt: "log_read_at",
} as const satisfies Record<keyof IncidentPatch, string>;
const fields = Object.keys(columnByField) as (keyof typeof columnByField)[];

/** Writes only the fields present in `patch`; `null` clears a nullable field, `undefined` leaves it alone. */
export function updateIncident(db: Db, id: number, patch: IncidentPatch): Incident {
  const assignments: string[] = [];
  const values: unknown[] = [];
  for (const field of fields) {
    const value = patch[field];
    if (value === undefined) continue;
    assignments.push(`${columnByField[field]} = ?`);
    values.push(
      field === "logTail"
        ? toLogTailJson(value as string[])
        : typeof value === "boolean"
          ? Number(value)
          : value,
    );
  }
  if (assignments.length === 0) return getIncident(db, id);

  const row = cachedStatement(
    db,
    `UPDATE incidents SET ${assignments.join(", ")} WHERE id = ? RETURNING ${incidentColumns}`,
  ).get(...values, id);
  if (row === undefined) throw incidentNotFound(id);
  return toIncident(row);
}
