import "server-only";
import type { Kysely } from "kysely";
import { WharfError } from "@/lib/core/errors";
import type { AutohealPolicy } from "../types";
import { policyColumns, toAutohealPolicy, type AutohealTables } from "./policy-table";

/** Removes a policy and returns it; NOT_FOUND for an unknown id. */
export async function deleteAutohealPolicy(db: Kysely<AutohealTables>, id: number): Promise<AutohealPolicy> {
  const row = await db
    .deleteFrom("autoheal_policies")
    .where("id", "=", id)
    .returning(policyColumns)
    .executeTakeFirst();
  if (row === undefined) throw new WharfError("NOT_FOUND", `Auto-heal policy ${id} not found`);
  return toAutohealPolicy(row);
}
