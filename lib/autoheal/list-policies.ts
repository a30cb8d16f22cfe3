import "server-only";
import { getDb } from "@/lib/history/db";
import { listAutohealPolicies } from "@/lib/history/list-autoheal-policies";
import type { AutohealPoliciesResponse } from "./types";

export function listPolicies(): AutohealPoliciesResponse {
  return { policies: listAutohealPolicies(getDb()) };
}
