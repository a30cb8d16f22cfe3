import "server-only";
import { authTablesOf, type AuthTables } from "@/lib/auth/db/auth-tables";
import { recordAudit } from "@/lib/auth/db/record-audit";
import { findHost } from "@/lib/docker/load-fleet";
import { getDatabase } from "@/lib/db/database";
import { saveAutohealPolicy } from "./db/save-autoheal-policy";
import type { AutohealTables } from "./db/policy-table";
import { describePolicy } from "./describe-policy";
import { getAutohealer } from "./get-autohealer";
import type { PolicyBody } from "./schemas";
import type { AutohealPolicy } from "./types";

/**
 * Opts a host, a compose project, or a project on one host into auto-heal (or changes its grace period), audited.
 * Containers it now covers are judged at once: one already failing gets its first try after the grace period.
 */
export async function setPolicy(
  body: PolicyBody,
  actor: string,
  address: string,
): Promise<{ policy: AutohealPolicy }> {
  if (body.hostId !== null) findHost(body.hostId);
  const db = await getDatabase<AutohealTables>();
  const policy = await db.transaction().execute(async (trx) => {
    const saved = await saveAutohealPolicy(trx, body, actor);
    // In the same transaction: the policy and its audit entry stand or fall together, on both dialects.
    await recordAudit(authTablesOf(trx.withTables<AuthTables>()), {
      actor,
      action: "autoheal-policy-set",
      target: describePolicy(saved),
      address,
      detail: `grace: ${saved.graceSeconds === null ? "default" : `${saved.graceSeconds} s`}`,
      at: saved.createdAt,
    });
    return saved;
  });
  await getAutohealer().policiesChanged();
  return { policy };
}
