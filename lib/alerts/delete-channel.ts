import "server-only";
import { WharfError } from "@/lib/core/errors";
import { recordAudit } from "@/lib/auth/record-audit";
import { getDatabase } from "@/lib/db/database";
import { getDb } from "@/lib/db/db";
import type { AlertTables } from "./db/alert-tables";
import { deleteAlertChannel } from "./db/delete-alert-channel";
import { getAlertChannel } from "./db/get-alert-channel";

/** Deletes a channel, its undelivered messages and its delivery log. */
export async function deleteChannel(id: number, actor: string, address?: string): Promise<{ ok: true }> {
  const db = await getDatabase<AlertTables>();
  await db.transaction().execute(async (trx) => {
    const channel = await getAlertChannel(trx, id);
    if (!channel || !(await deleteAlertChannel(trx, id)))
      throw new WharfError("NOT_FOUND", `Notification channel ${id} not found`);
    // The audit log is not on the typed layer yet: on SQLite getDb() is this transaction's connection, so the
    // row goes (or is undone) with the channel; on PostgreSQL it answers UNAVAILABLE and undoes the delete.
    recordAudit(getDb(), {
      actor,
      action: "channel-deleted",
      target: channel.name,
      address,
      detail: `kind: ${channel.kind}`,
    });
  });
  return { ok: true };
}
