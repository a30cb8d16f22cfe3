import "server-only";
import { getDatabase } from "@/lib/db/database";
import { FULL_VIEW, type Visibility } from "@/lib/fleet/fleet-targets";
import { listAutohealPolicies } from "./db/list-autoheal-policies";
import type { AutohealTables } from "./db/policy-table";
import type { AutohealPoliciesResponse } from "./types";

/**
 * A scoped caller sees the policies of hosts it reaches: a host's own when it sees the host whole, a project's
 * when one of its grants names that project (or names none).
 */
export async function listPolicies(view: Visibility = FULL_VIEW): Promise<AutohealPoliciesResponse> {
  const policies = await listAutohealPolicies(await getDatabase<AutohealTables>());
  if (view.all) return { policies };
  return {
    policies: policies.filter((policy) =>
      policy.project === null
        ? policy.hostId !== null && view.seesHost(policy.hostId)
        : (policy.hostId === null || view.reaches(policy.hostId)) && view.seesProject(policy.project),
    ),
  };
}
