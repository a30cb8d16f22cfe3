import type { Incident } from "@/lib/fleet/incident-types";
// Plain types and constants only: the services page imports these, and zod or server code must not come with it.

export const serviceActionNames = ["redeploy", "rollback", "scale", "restart"] as const;
export type ServiceActionName = (typeof serviceActionNames)[number];
/** `update`: a change made outside Wharf (`docker service update`, a stack deploy). */
export type ServiceHistoryAction = ServiceActionName | "update";
export type ServiceOutcome = "succeeded" | "failed" | "rolled-back" | "no-change";

export type ServiceUpdateStatus = {
  state: string;
  message: string | null;
  startedAt: string | null;
  completedAt: string | null;
} | null;

/** One swarm service as the API lists it; field names are the API contract (docs/api.md). */
export type ServiceRow = {
  hostId: string;
  id: string;
  name: string;
  /** `com.docker.stack.namespace`: the stack it was deployed with, null for a lone service. */
  stack: string | null;
  /** The reference as written, without the digest the manager pinned. */
  image: string;
  digest: string | null;
  mode: "replicated" | "global";
  replicas: { desired: number; running: number };
  updateStatus: ServiceUpdateStatus;
  /** Converging: an update or rollback under way, or fewer replicas running than desired. */
  converging: boolean;
  /** Tasks of the current spec that failed or were rejected in the last ten minutes. */
  failingTasks: number;
  labels: Record<string, string>;
  version: number;
  createdAt: string;
  updatedAt: string;
};

export type TaskRow = {
  id: string;
  serviceId: string;
  slot: number | null;
  nodeId: string | null;
  /** The node's hostname, and the fleet host that is this node when it is in the fleet. */
  node: string | null;
  nodeHostId: string | null;
  desiredState: string;
  state: string;
  message: string | null;
  error: string | null;
  exitCode: number | null;
  containerId: string | null;
  image: string | null;
  createdAt: string;
  updatedAt: string;
  /** Failed, rejected, or shut down by an exit other than 0 while it should run. */
  failing: boolean;
};

export type NodeRow = {
  hostId: string;
  id: string;
  hostname: string;
  /** The fleet host that is this node, when it is in the fleet. */
  fleetHostId: string | null;
  role: "manager" | "worker";
  leader: boolean;
  state: string;
  availability: string;
  engineVersion: string | null;
  address: string | null;
};

export type ServiceHistoryEntry = {
  id: number;
  at: string;
  actor: string;
  source: "ui" | "api" | "autoheal" | "external";
  action: ServiceHistoryAction;
  hostId: string;
  serviceName: string;
  serviceId: string;
  imageBefore: string | null;
  imageAfter: string | null;
  digestBefore: string | null;
  digestAfter: string | null;
  replicasBefore: number | null;
  replicasAfter: number | null;
  versionBefore: number | null;
  versionAfter: number | null;
  outcome: ServiceOutcome | null;
  error: string | null;
  durationMs: number | null;
};

/** A service's incident: one of the fleet's incidents, with `target: "service"` and the service's name and id. */
export type ServiceIncident = Incident;

export type ServicesResponse = {
  services: ServiceRow[];
  /** Each asked-for host: a swarm manager, or why it has no services to show. */
  hosts: { id: string; manager: boolean; error: string | null }[];
  incidents: ServiceIncident[];
};
export type ServiceResponse = {
  service: ServiceRow;
  tasks: TaskRow[];
  history: ServiceHistoryEntry[];
  incidents: ServiceIncident[];
};
export type NodesResponse = {
  nodes: NodeRow[];
  hosts: { id: string; manager: boolean; error: string | null }[];
};

export type ServiceActionResult = {
  historyId: number;
  outcome: ServiceOutcome;
  message: string;
  entry: ServiceHistoryEntry;
};
