import "server-only";
import type { AlertChannelTable } from "./channel-table";
import type { AlertDeliveryTable } from "./delivery-table";
import type { AlertOutboxTable } from "./outbox-table";

/** The tables alerts own; lib/startup/database.ts composes every feature's into the whole database. */
export type AlertTables = {
  alert_channels: AlertChannelTable;
  alert_outbox: AlertOutboxTable;
  alert_deliveries: AlertDeliveryTable;
};
