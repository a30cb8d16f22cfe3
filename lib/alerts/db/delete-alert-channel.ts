import "server-only";
import type { Kysely } from "kysely";
import type { AlertTables } from "./alert-tables";

/** Deletes the channel with its outbox and delivery log (ON DELETE CASCADE); false when it was not there. */
export async function deleteAlertChannel(db: Kysely<AlertTables>, id: number): Promise<boolean> {
  const { numDeletedRows } = await db.deleteFrom("alert_channels").where("id", "=", id).executeTakeFirst();
  return numDeletedRows > 0n;
}
