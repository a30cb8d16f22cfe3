/**
 * The parts of the Engine API's swarm documents (API 1.41) that Wharf reads. Field names are Docker's own, so
 * what Wharf shows can be checked against `docker service inspect`, `docker service ps` and `docker node ls`.
 */
export type UpdateState =
  "updating" | "paused" | "completed" | "rollback_started" | "rollback_paused" | "rollback_completed";

export type ServiceSpec = {
  Name: string;
  Labels?: Record<string, string> | null;
  TaskTemplate: {
    ContainerSpec: { Image: string; Labels?: Record<string, string> | null } & Record<string, unknown>;
    ForceUpdate?: number;
  } & Record<string, unknown>;
  Mode: { Replicated?: { Replicas?: number }; Global?: object } & Record<string, unknown>;
} & Record<string, unknown>;

export type SwarmService = {
  ID: string;
  Version: { Index: number };
  CreatedAt: string;
  UpdatedAt: string;
  Spec: ServiceSpec;
  PreviousSpec?: ServiceSpec;
  UpdateStatus?: { State?: UpdateState; StartedAt?: string; CompletedAt?: string; Message?: string };
};

export type SwarmTask = {
  ID: string;
  ServiceID: string;
  NodeID?: string;
  Slot?: number;
  CreatedAt: string;
  UpdatedAt: string;
  DesiredState: string;
  Spec: { ContainerSpec?: { Image?: string } };
  Status: {
    Timestamp: string;
    State: string;
    Message?: string;
    Err?: string;
    ContainerStatus?: { ContainerID?: string; PID?: number; ExitCode?: number };
  };
};

export type SwarmNode = {
  ID: string;
  Description: { Hostname: string; Engine?: { EngineVersion?: string } };
  Spec: { Role: "manager" | "worker"; Availability: "active" | "pause" | "drain" };
  Status: { State: "unknown" | "down" | "ready" | "disconnected"; Addr?: string; Message?: string };
  ManagerStatus?: { Leader?: boolean; Reachability?: string; Addr?: string };
};

/** What `docker info` says of the engine's place in a swarm. */
export type SwarmMembership = { nodeId: string; state: string; manager: boolean };
