import "server-only";
import type { Generated, Selectable } from "kysely";
import type { AutohealPolicy } from "../types";

/** autoheal_policies (migration 10): one row per scope, a host, a compose project, or a project on one host. */
export type AutohealPolicyTable = {
  id: Generated<number>;
  host_id: string | null;
  project: string | null;
  grace_ms: number | null;
  created_by: string;
  created_at: string;
};

/** The tables auto-heal owns; lib/startup/database.ts composes every feature's into the whole database. */
export type AutohealTables = { autoheal_policies: AutohealPolicyTable };

export const policyColumns = [
  "id",
  "host_id",
  "project",
  "grace_ms",
  "created_by",
  "created_at",
] as const satisfies readonly (keyof AutohealPolicyTable)[];

export function toAutohealPolicy(row: Selectable<AutohealPolicyTable>): AutohealPolicy {
  return {
    id: row.id,
    hostId: row.host_id,
    project: row.project,
    graceSeconds: row.grace_ms === null ? null : row.grace_ms / 1000,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}
