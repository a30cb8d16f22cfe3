import "server-only";
import type { Generated } from "kysely";
import type { EndReason, IncidentKind, IncidentTarget } from "@/lib/fleet/incident-types";

/**
 * incidents (migrations 1, 7, 12, 16, 17): one row per failure of a container or a swarm service (`target`); a
 * service's name and id sit where a container's do. JSON lists (log_tail, notes) are TEXT on both dialects.
 */
export type IncidentTable = {
  id: Generated<number>;
  target: Generated<IncidentTarget>;
  host_id: string;
  container_name: string;
  container_id: string;
  image: string;
  kind: IncidentKind;
  exit_code: number | null;
  opened_at: string;
  last_at: string;
  ended_at: string | null;
  end_reason: EndReason | null;
  count: Generated<number>;
  log_tail: Generated<string>;
  health_output: string | null;
  acknowledged_by: string | null;
  acknowledged_at: string | null;
  oom: Generated<number>;
  last_stderr: string | null;
  log_read_at: string | null;
  notes: Generated<string>;
  task_id: string | null;
  node_id: string | null;
  error: string | null;
};

/** The tables incidents own; lib/startup/database.ts composes every feature's into the whole database. */
export type IncidentTables = { incidents: IncidentTable };

/** Named, not `*`, so a column added by a later migration cannot break the strict row schema. */
export const incidentColumns = [
  "id",
  "host_id",
  "container_name",
  "container_id",
  "image",
  "kind",
  "exit_code",
  "opened_at",
  "last_at",
  "ended_at",
  "count",
  "log_tail",
  "health_output",
  "acknowledged_by",
  "acknowledged_at",
  "oom",
  "last_stderr",
  "log_read_at",
  "notes",
  "end_reason",
  "target",
  "task_id",
  "node_id",
  "error",
] as const satisfies readonly (keyof IncidentTable)[];
