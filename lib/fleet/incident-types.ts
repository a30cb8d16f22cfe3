/** A container's kinds, then a swarm service's: a task that failed, fewer replicas running than desired. */
export const incidentKinds = [
  "exit",
  "oom",
  "restart-loop",
  "unhealthy",
  "dead",
  "task-failed",
  "short",
] as const;
// Plain constants and types only: this module reaches the browser, and zod should not come with it.
export type IncidentKind = (typeof incidentKinds)[number];

/** What failed: a container, or a swarm service (on the manager `hostId`). */
export const incidentTargets = ["container", "service"] as const;
export type IncidentTarget = (typeof incidentTargets)[number];

/**
 * How it ended: the target ran again (`recovered`), it was removed (`removed`), or a redeploy put another
 * container in its place (`replaced`). Only recoveries count for time to restore.
 */
export const endReasons = ["recovered", "removed", "replaced"] as const;
export type EndReason = (typeof endReasons)[number];

/** A failure Wharf saw, with the evidence captured when it happened. Field names are the API contract. */
export type Incident = {
  id: number;
  target: IncidentTarget;
  hostId: string;
  /** The target's name and id: the container's, or the service's. */
  containerName: string;
  containerId: string;
  /** The container's image; a service's incidents leave it empty. */
  image: string;
  kind: IncidentKind;
  exitCode: number | null;
  openedAt: string;
  lastAt: string;
  endedAt: string | null;
  /** Why it ended; null while open, and for incidents that ended before Wharf recorded why. */
  endReason: EndReason | null;
  /**
   * How many times it died while open: a restart loop's count grows with every die. The one count of a loop
   * the UI shows (Docker's RestartCount counts restarts, and from when the container was last started by hand).
   */
  count: number;
  /** The container's last log lines (up to 50) when it happened, stdout and stderr interleaved. */
  logTail: string[];
  /** The last stderr line of the run that died: the one-line "why". */
  lastStderr: string | null;
  /** When that run's log was read (null: not yet, or it could not be): a crash's first alert waits for it. */
  logReadAt: string | null;
  /** Whether the latest death was an OOM kill (a restart loop's kind no longer says). */
  oom: boolean;
  /** The failing health check's output, for `unhealthy`. */
  healthOutput: string | null;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
  /** A service's failed task, the node it ran on, and the error the swarm gave (or how many replicas run). */
  taskId: string | null;
  nodeId: string | null;
  error: string | null;
  /** Lines appended by whoever acted on it while it lasted (auto-heal's tries, and when it gave up), oldest first. */
  notes: IncidentNote[];
  /** The deploy of this container in the 30 minutes before it opened, the likely cause; null when none. */
  deploy: IncidentDeploy | null;
};

/**
 * A deploy (redeploy or rollback that moved the container to another image) named on an incident: who, when,
 * from → to. `latest`: it is still the container's last deploy, the one a rollback undoes.
 */
export type IncidentDeploy = {
  historyId: number;
  at: string;
  actor: string;
  source: string;
  action: "redeploy" | "rollback";
  imageRefBefore: string | null;
  imageRef: string | null;
  digestBefore: string | null;
  digestAfter: string | null;
  versionBefore: string | null;
  versionAfter: string | null;
  latest: boolean;
};

export type IncidentNote = { at: string; text: string };
