import "server-only";
import { WharfError } from "@/lib/core/errors";
import { getDatabase } from "@/lib/db/database";
import type { AlertTables } from "./db/alert-tables";
import { getAlertChannel } from "./db/get-alert-channel";
import { listAlertDeliveries } from "./db/list-alert-deliveries";
import type { DeliveryInfo, MessageEvent } from "./types";

/** A channel's recent tries, newest first. */
export async function listDeliveries(id: number, limit = 50): Promise<{ deliveries: DeliveryInfo[] }> {
  const db = await getDatabase<AlertTables>();
  if (!(await getAlertChannel(db, id))) throw new WharfError("NOT_FOUND", `Alert channel ${id} not found`);
  const rows = await listAlertDeliveries(db, id, limit);
  return { deliveries: rows.map((row) => ({ ...row, event: row.event as MessageEvent })) };
}
