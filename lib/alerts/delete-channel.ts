import "server-only";
import { WharfError } from "@/lib/core/errors";
import { recordAudit } from "@/lib/auth/record-audit";
import type { Db } from "@/lib/db/db";
import { deleteAlertChannel } from "@/lib/db/delete-alert-channel";
import { getAlertChannel } from "@/lib/db/get-alert-channel";

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
