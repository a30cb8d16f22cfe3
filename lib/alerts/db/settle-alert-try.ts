import "server-only";
import type { Kysely } from "kysely";
import type { AlertTables } from "./alert-tables";
import { inTransaction } from "./in-transaction";
import { recordAlertTry, type AlertTry } from "./record-alert-try";

/**
 * Records one try of an outbox message and what follows from it, in one transaction: delivered, due again at
 * `nextTryAt`, or failed for good (`nextTryAt` null). A row no longer pending (settled by another loop, or its
 * channel deleted) is left alone and the try is not recorded: false.
 */
export async function settleAlertTry(
  db: Kysely<AlertTables>,
  attempt: AlertTry & { outboxId: number },
  nextTryAt: string | null,
): Promise<boolean> {
  const state = attempt.ok ? "delivered" : nextTryAt === null ? "failed" : "pending";
  return inTransaction(db, async (trx) => {
    const { numUpdatedRows } = await trx
      .updateTable("alert_outbox")
      .set({
        state,
        tries: attempt.try,
        lease_until: null,
        settled_at: state === "pending" ? null : attempt.at,
        ...(nextTryAt === null ? {} : { next_try_at: nextTryAt }),
      })
      .where("id", "=", attempt.outboxId)
      .where("state", "=", "pending")
      .executeTakeFirst();
    if (numUpdatedRows === 0n) return false;
    await recordAlertTry(trx, attempt);
    return true;
  });
}
