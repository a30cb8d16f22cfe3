import "server-only";
import type { AutohealPolicy, NewAutohealPolicy } from "@/lib/autoheal/types";
import { autohealPolicyColumns, toAutohealPolicy } from "./autoheal-policy-row";
import { cachedStatement } from "./cached-statement";
import type { Db } from "./db";

/** One policy per scope (host, project, or both): saving a scope again replaces its grace period. */
export function saveAutohealPolicy(
  db: Db,
  input: NewAutohealPolicy,
  createdBy: string,
  at = new Date().toISOString(),
): AutohealPolicy {
  const graceMs = input.graceSeconds === null ? null : Math.round(input.graceSeconds * 1000);
  return toAutohealPolicy(
    cachedStatement(
      db,
      `INSERT INTO autoheal_policies (host_id, project, grace_ms, created_by, created_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (IFNULL(host_id, char(0)), IFNULL(project, char(0)))
         DO UPDATE SET grace_ms = excluded.grace_ms, created_by = excluded.created_by, created_at = excluded.created_at
       RETURNING ${autohealPolicyColumns}`,
    ).get(input.hostId, input.project, graceMs, createdBy, at),
  );
}
