import "server-only";
import { getDatabase } from "@/lib/db/database";
import { listAutohealPolicies } from "./db/list-autoheal-policies";
import type { AutohealTables } from "./db/policy-table";
import type { AutohealPoliciesResponse } from "./types";

export async function listPolicies(): Promise<AutohealPoliciesResponse> {
  return { policies: await listAutohealPolicies(await getDatabase<AutohealTables>()) };
}
