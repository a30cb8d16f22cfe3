import "server-only";
import { getDb } from "@/lib/db/db";
import { listAutohealPolicies } from "@/lib/db/list-autoheal-policies";
import type { AutohealPoliciesResponse } from "./types";

export function listPolicies(): AutohealPoliciesResponse {
  return { policies: listAutohealPolicies(getDb()) };
}
