import type { RollbackReferenceKind } from "@/lib/core/rollback-reference";
import type { ImageProvenance } from "@/lib/core/image-provenance";

export const containerStates = [
  "created",
  "running",
  "paused",
  "restarting",
  "removing",
  "exited",
  "dead",
] as const;
// Plain constants and types only: this module reaches the browser, and zod should not come with it.
export type ContainerState = (typeof containerStates)[number];

export type Health = "healthy" | "unhealthy" | "starting" | null;

/**
 * Why a container's last run ended, as Wharf saw it in the engine's events: a crash nobody asked for, an OOM
 * kill, a `docker stop`, an explicit kill, or a clean exit. null when Wharf did not see it end.
 */
export type ExitCause = "crash" | "oom" | "stopped" | "killed" | "clean";

/**
 * Why the page flags a container, or null. Computed on the server (lib/fleet/needs-attention.ts) and sent with
 * every row, so a script reading the API and the page never disagree.
 */
export const attentionReasons = ["dead", "restart-loop", "unhealthy", "oom", "exit"] as const;
export type AttentionReason = (typeof attentionReasons)[number];

/**
 * The container's last death as Wharf knows it. Docker resets `State.ExitCode` to 0 when it restarts a
 * container, so while a restart loop runs this is the only place the exit code that caused it survives.
 * `cause` is null when Wharf did not see the death (it only read the state afterwards).
 */
export type LastExit = { code: number; oom: boolean; cause: ExitCause | null; at: string };

/** One container as the fleet table shows it; the field names are the API contract in docs/api.md. */
export type ContainerRow = {
  hostId: string;
  id: string;
  name: string;
  image: string;
  imageId: string;
  state: ContainerState;
  health: Health;
  exitCode: number;
  oomKilled: boolean;
  restartCount: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  compose: { project: string; service: string } | null;
  labels: Record<string, string>;
  exitCause: ExitCause | null;
  lastExit: LastExit | null;
  attention: AttentionReason | null;
  /** Its image's provenance; null until Wharf has read the image (once per image id, not per request). */
  provenance: ImageProvenance | null;
};

/** A row as the API returns it: `stale` when its host is down and the row is the last state known. */
export type ListedContainer = ContainerRow & { stale: boolean };

/** What a viewer sees instead of an environment value (the key stays visible). */
export const ENV_MASK = "••••••";

export type PortBinding = { containerPort: string; hostIp: string; hostPort: string };
export type MountInfo = {
  type: string;
  name: string | null;
  source: string;
  destination: string;
  mode: string;
  rw: boolean;
};
export type HealthcheckConfig = {
  test: string[];
  intervalNs: number | null;
  timeoutNs: number | null;
  retries: number | null;
  startPeriodNs: number | null;
};
export type HealthProbe = { start: string; end: string; exitCode: number; output: string };

/** The resources a container may use; null where the engine sets no limit. */
export type ResourceLimits = {
  memoryBytes: number | null;
  /** Memory plus swap; -1 for unlimited swap. */
  memorySwapBytes: number | null;
  /** CPUs, as `--cpus` takes them (from NanoCpus, or from a CFS quota and period). */
  cpus: number | null;
  cpuShares: number | null;
  pidsLimit: number | null;
};

export type ContainerDetail = ContainerRow & {
  command: string[] | null;
  entrypoint: string[] | null;
  env: string[];
  mounts: MountInfo[];
  ports: PortBinding[];
  restartPolicy: { name: string; maximumRetryCount: number };
  healthcheck: HealthcheckConfig | null;
  limits: ResourceLimits;
  healthLog: HealthProbe[];
  networkMode: string;
  user: string;
  workingDir: string;
  hostname: string;
  error: string | null;
};

export type StateCounts = {
  total: number;
  running: number;
  paused: number;
  restarting: number;
  exited: number;
  dead: number;
  created: number;
  unhealthy: number;
  /** Containers the page flags as needing attention (their `attention` is set). */
  attention: number;
};

export type HostStatus = "up" | "down";

export type HostSummary = {
  id: string;
  name: string;
  url: string;
  status: HostStatus;
  engineVersion: string | null;
  apiVersion: string | null;
  latencyMs: number | null;
  error: string | null;
  counts: StateCounts;
};

export type HostAvailability = { id: string; status: HostStatus; error: string | null };

export type HostsResponse = { hosts: HostSummary[] };
export type ContainersResponse = { containers: ListedContainer[]; hosts: HostAvailability[] };
/**
 * Whether the container page may offer a rollback: the image it would return to and by which reference, or why
 * not (nothing recorded for this container, the previous image gone from the host).
 */
export type RollbackAvailability = {
  available: boolean;
  reason: string | null;
  target: {
    reference: string;
    kind: RollbackReferenceKind;
    imageId: string;
    /** The history row of the deploy it returns from. */
    historyId: number;
    deployedAt: string;
  } | null;
};

export type ContainerResponse = { container: ContainerDetail; rollback: RollbackAvailability };

/** One image a cell of the inventory runs: its version (or short digest), and how many containers run it. */
export type InventoryVersion = {
  /** What the cell shows: the image's version label, else its short digest, else its short image id. */
  label: string;
  imageId: string;
  version: string | null;
  revision: string | null;
  commitUrl: string | null;
  digest: string | null;
  /** Containers on this host with this image, whatever their state; `running` of them are running. */
  count: number;
  running: number;
};

/**
 * One compose service (`project/service`) or, for containers outside compose, one image repository, with
 * what each host runs of it. `drift`: not every container of it runs the same image.
 */
export type InventoryRow = {
  key: string;
  kind: "service" | "image";
  name: string;
  repository: string;
  cells: Record<string, InventoryVersion[]>;
  drift: boolean;
};

export type InventoryResponse = { hosts: HostAvailability[]; rows: InventoryRow[] };
