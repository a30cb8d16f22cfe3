import "server-only";
import { WharfError } from "@/lib/core/errors";
import type { AutohealPolicy } from "@/lib/autoheal/types";
import { autohealPolicyColumns, toAutohealPolicy } from "./autoheal-policy-row";
import { cachedStatement } from "./cached-statement";
import type { Db } from "./db";

/** Removes a policy and returns it; NOT_FOUND for an unknown id. */
export function deleteAutohealPolicy(db: Db, id: number): AutohealPolicy {
  const row = cachedStatement(
    db,
    `DELETE FROM autoheal_policies WHERE id = ? RETURNING ${autohealPolicyColumns}`,
  ).get(id);
  if (row === undefined) throw new WharfError("NOT_FOUND", `Auto-heal policy ${id} not found`);
  return toAutohealPolicy(row);
}
