import "server-only";
import { WharfError } from "@/lib/api/errors";
import type { Db } from "@/lib/history/db";
import { getAlertChannel } from "@/lib/history/get-alert-channel";
import { listAlertDeliveries } from "@/lib/history/list-alert-deliveries";
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
