import "server-only";
import { WharfError } from "@/lib/api/errors";
import { recordAudit } from "@/lib/auth/record-audit";
import type { Db } from "@/lib/history/db";
import { deleteAlertChannel } from "@/lib/history/delete-alert-channel";
import { getAlertChannel } from "@/lib/history/get-alert-channel";

/** Deletes a channel, its undelivered messages and its delivery log. */
export function deleteChannel(db: Db, id: number, actor: string, address?: string): { ok: true } {
  const remove = db.transaction(() => {
    const channel = getAlertChannel(db, id);
    if (!channel || !deleteAlertChannel(db, id))
      throw new WharfError("NOT_FOUND", `Notification channel ${id} not found`);
    recordAudit(db, {
      actor,
      action: "channel-deleted",
      target: channel.name,
      address,
      detail: `kind: ${channel.kind}`,
    });
  });
  remove.immediate();
  return { ok: true };
}
