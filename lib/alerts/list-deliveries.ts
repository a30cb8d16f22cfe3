import "server-only";
import { WharfError } from "@/lib/core/errors";
import type { Db } from "@/lib/db/db";
import { getAlertChannel } from "@/lib/db/get-alert-channel";
import { listAlertDeliveries } from "@/lib/db/list-alert-deliveries";
import type { DeliveryInfo, MessageEvent } from "./types";

/** A channel's recent tries, newest first. */
export function listDeliveries(db: Db, id: number, limit = 50): { deliveries: DeliveryInfo[] } {
  if (!getAlertChannel(db, id)) throw new WharfError("NOT_FOUND", `Notification channel ${id} not found`);
  return {
    deliveries: listAlertDeliveries(db, id, limit).map((row) => ({
      ...row,
      event: row.event as MessageEvent,
    })),
  };
}
