import "server-only";
import type { Kysely, Transaction } from "kysely";
import type { AlertTables } from "./alert-tables";

/** Runs `work` in a transaction of its own, or in the caller's when it passes one (Kysely does not nest them). */
export function inTransaction<T>(
  db: Kysely<AlertTables>,
  work: (trx: Transaction<AlertTables>) => Promise<T>,
): Promise<T> {
  return db.isTransaction ? work(db as Transaction<AlertTables>) : db.transaction().execute(work);
}
