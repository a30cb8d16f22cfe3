import "server-only";
import { recordAudit } from "@/lib/auth/record-audit";
import { findHost } from "@/lib/docker/load-fleet";
import { getDatabase } from "@/lib/db/database";
import { getDb } from "@/lib/db/db";
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
    // The audit log is not on the typed layer yet. On SQLite getDb() is the connection this transaction runs on,
    // so the row is written (or undone) with the policy; on PostgreSQL it answers UNAVAILABLE and undoes it.
    recordAudit(getDb(), {
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
