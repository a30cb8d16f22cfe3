import "server-only";
import { recordAudit } from "@/lib/auth/record-audit";
import { getDb } from "@/lib/db/db";
import { deleteAutohealPolicy } from "@/lib/db/delete-autoheal-policy";
import { describePolicy } from "./describe-policy";
import { getAutohealer } from "./get-autohealer";
import type { AutohealPolicy } from "./types";

/** Removes a policy, audited; tries planned for containers it alone covered are cancelled. */
export function deletePolicy(id: number, actor: string, address: string): { policy: AutohealPolicy } {
  const db = getDb();
  const policy = db
    .transaction(() => {
      const deleted = deleteAutohealPolicy(db, id);
      recordAudit(db, { actor, action: "autoheal-policy-deleted", target: describePolicy(deleted), address });
      return deleted;
    })
    .immediate();
  getAutohealer().reconsiderAll();
  return { policy };
}
