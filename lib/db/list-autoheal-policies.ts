import "server-only";
import type { AutohealPolicy } from "@/lib/autoheal/types";
import { autohealPolicyColumns, toAutohealPolicy } from "./autoheal-policy-row";
import { cachedStatement } from "./cached-statement";
import type { Db } from "./db";

/** Every policy, hosts first, then projects; a handful at most, read on every decision. */
export function listAutohealPolicies(db: Db): AutohealPolicy[] {
  return cachedStatement(
    db,
    `SELECT ${autohealPolicyColumns} FROM autoheal_policies ORDER BY host_id IS NULL, host_id, project, id`,
  )
    .all()
    .map(toAutohealPolicy);
}
