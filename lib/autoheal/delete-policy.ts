import "server-only";
import { recordAudit } from "@/lib/auth/record-audit";
import { getDatabase } from "@/lib/db/database";
import { getDb } from "@/lib/db/db";
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
    // On the transaction's own connection (SQLite): see set-policy.ts.
    recordAudit(getDb(), {
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
