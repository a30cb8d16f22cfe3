import "server-only";
import { WharfError } from "@/lib/core/errors";
import { authTablesOf, type AuthTables } from "@/lib/auth/db/auth-tables";
import { recordAudit } from "@/lib/auth/db/record-audit";
import { getDatabase } from "@/lib/db/database";
import type { AlertTables } from "./db/alert-tables";
import { deleteAlertChannel } from "./db/delete-alert-channel";
import { getAlertChannel } from "./db/get-alert-channel";

/** Deletes a channel, its undelivered messages and its delivery log. */
export async function deleteChannel(id: number, actor: string, address?: string): Promise<{ ok: true }> {
  const db = await getDatabase<AlertTables>();
  await db.transaction().execute(async (trx) => {
    const channel = await getAlertChannel(trx, id);
    if (!channel || !(await deleteAlertChannel(trx, id)))
      throw new WharfError("NOT_FOUND", `Alert channel ${id} not found`);
    // In the same transaction: the change and its audit entry stand or fall together, on both dialects.
    await recordAudit(authTablesOf(trx.withTables<AuthTables>()), {
      actor,
      action: "channel-deleted",
      target: channel.name,
      address,
      detail: `kind: ${channel.kind}`,
    });
  });
  return { ok: true };
}
