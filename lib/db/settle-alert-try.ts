import "server-only";
import { cachedStatement } from "./cached-statement";
import type { Db } from "./db";
import { recordAlertTry, type AlertTry } from "./record-alert-try";

/**
 * Records one try of an outbox message and what follows from it, in one transaction: delivered, due again at
 * `nextTryAt`, or failed for good (`nextTryAt` null). A row no longer pending (settled by another loop, or its
 * channel deleted) is left alone and the try is not recorded: false.
 */
export function settleAlertTry(
  db: Db,
  attempt: AlertTry & { outboxId: number },
  nextTryAt: string | null,
): boolean {
  const settle = db.transaction(() => {
    const state = attempt.ok ? "delivered" : nextTryAt === null ? "failed" : "pending";
    const { changes } = cachedStatement(
      db,
      `UPDATE alert_outbox SET state = ?, tries = ?, lease_until = NULL, next_try_at = coalesce(?, next_try_at),
         settled_at = CASE WHEN ? = 'pending' THEN NULL ELSE ? END
       WHERE id = ? AND state = 'pending'`,
    ).run(state, attempt.try, nextTryAt, state, attempt.at, attempt.outboxId);
    if (changes === 0) return false;
    recordAlertTry(db, attempt);
    return true;
  });
  return settle.immediate();
}
