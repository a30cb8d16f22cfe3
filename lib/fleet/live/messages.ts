import type { ActionProgress } from "@/lib/actions/types";
import type { Incident } from "@/lib/incidents/types";
import type { ContainerRow, HostSummary } from "../types";

/** What the server tells live clients (GET /api/events); `data` of each server-sent event. */
export type FleetMessage =
  | { type: "container"; hostId: string; id: string; row: ContainerRow | null }
  | { type: "host"; host: HostSummary }
  | { type: "incident"; incident: Incident }
  | { type: "action"; progress: ActionProgress }
  /** A swarm manager's services changed (`name`: the one that did, when known): services pages read them again. */
  | { type: "service"; hostId: string; name: string | null };

export type FleetSnapshot = { hosts: HostSummary[]; containers: ContainerRow[]; incidents: Incident[] };
