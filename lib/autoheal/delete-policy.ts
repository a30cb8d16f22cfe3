import "server-only";
import { authTablesOf, type AuthTables } from "@/lib/auth/db/auth-tables";
import { recordAudit } from "@/lib/auth/db/record-audit";
import { getDatabase } from "@/lib/db/database";
import { deleteAutohealPolicy } from "./db/delete-autoheal-policy";
import type { AutohealTables } from "./db/policy-table";
import { describePolicy } from "./describe-policy";
import { getAutohealer } from "./get-autohealer";
import type { AutohealPolicy } from "./types";

/** Removes a policy, audited; tries planned for containers it alone covered are cancelled. */
export async function deletePolicy(
  id: number,
  actor: string,
  address: string,
): Promise<{ policy: AutohealPolicy }> {
  const db = await getDatabase<AutohealTables>();
  const policy = await db.transaction().execute(async (trx) => {
    const deleted = await deleteAutohealPolicy(trx, id);
    // In the same transaction: the policy and its audit entry stand or fall together.
    await recordAudit(authTablesOf(trx.withTables<AuthTables>()), {
      actor,
      action: "autoheal-policy-deleted",
      target: describePolicy(deleted),
      address,
    });
    return deleted;
  });
  await getAutohealer().policiesChanged();
  return { policy };
}
