import "server-only";
import type { Generated } from "kysely";

/** alert_deliveries (migration 9): each try to deliver a message, kept with its channel (ON DELETE CASCADE). */
export type AlertDeliveryTable = {
  id: Generated<number>;
  channel_id: number;
  /** null for a test message, which has no outbox row. */
  outbox_id: number | null;
  at: string;
  event: string;
  try: number;
  ok: number;
  status: number | null;
  error: string | null;
};
