import "server-only";
import { recordAudit } from "@/lib/auth/record-audit";
import { findHost } from "@/lib/docker/load-fleet";
import { getDb } from "@/lib/db/db";
import { saveAutohealPolicy } from "@/lib/db/save-autoheal-policy";
import { describePolicy } from "./describe-policy";
import { getAutohealer } from "./get-autohealer";
import type { PolicyBody } from "./schemas";
import type { AutohealPolicy } from "./types";

/**
 * Opts a host, a compose project, or a project on one host into auto-heal (or changes its grace period), audited.
 * Containers it now covers are judged at once: one already failing gets its first try after the grace period.
 */
export function setPolicy(body: PolicyBody, actor: string, address: string): { policy: AutohealPolicy } {
  if (body.hostId !== null) findHost(body.hostId);
  const db = getDb();
  const policy = db
    .transaction(() => {
      const saved = saveAutohealPolicy(db, body, actor);
      recordAudit(db, {
        actor,
        action: "autoheal-policy-set",
        target: describePolicy(saved),
        address,
        detail: `grace: ${saved.graceSeconds === null ? "default" : `${saved.graceSeconds} s`}`,
        at: saved.createdAt,
      });
      return saved;
    })
    .immediate();
  getAutohealer().reconsiderAll();
  return { policy };
}
