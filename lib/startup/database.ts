import type { AlertTables } from "@/lib/alerts/db/alert-tables";
import type { AuthTables } from "@/lib/auth/db/auth-tables";
import type { AutohealTables } from "@/lib/autoheal/db/policy-table";
import type { FleetTables } from "@/lib/fleet/live/db/exit-table";
import type { IncidentTables } from "@/lib/incidents/db/incident-table";
import type { ServicesTables } from "@/lib/services/db/service-history-table";
import type { LiveFleetTables } from "@/lib/fleet/live/db/host-cursor-table";
import type { HistoryTables } from "@/lib/history/db/history-table";

/**
 * Every table on the typed query layer, composed from the features that own them, for what spans the whole
 * database (copying it, checking it). It lives on the top floor because it imports every feature: a feature
 * passes only its own tables to getDatabase(), and lib/db knows none. Add a feature's tables as it is converted.
 */
export type Database = AutohealTables &
  AlertTables &
  AuthTables &
  IncidentTables &
  FleetTables &
  LiveFleetTables &
  HistoryTables &
  ServicesTables;
