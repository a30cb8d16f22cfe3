import type { ActionProgress } from "@/lib/actions/types";
import type { Incident } from "@/lib/incidents/types";
import type { ContainerRow, HostSummary } from "../types";

/** What the server tells live clients (GET /api/events); `data` of each server-sent event. */
export type FleetMessage =
  | { type: "container"; hostId: string; id: string; row: ContainerRow | null }
  | { type: "host"; host: HostSummary }
  | { type: "incident"; incident: Incident }
  | { type: "action"; progress: ActionProgress };

export type FleetSnapshot = { hosts: HostSummary[]; containers: ContainerRow[]; incidents: Incident[] };
