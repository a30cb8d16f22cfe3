export const incidentKinds = ["exit", "oom", "restart-loop", "unhealthy", "dead"] as const;
// Plain constants and types only: this module reaches the browser, and zod should not come with it.
export type IncidentKind = (typeof incidentKinds)[number];

/** A crash Wharf saw, with the evidence captured when it happened. Field names are the API contract. */
export type Incident = {
  id: number;
  hostId: string;
  containerName: string;
  containerId: string;
  image: string;
  kind: IncidentKind;
  exitCode: number | null;
  openedAt: string;
  lastAt: string;
  endedAt: string | null;
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

export type NewIncident = Omit<
  Incident,
  "id" | "endedAt" | "acknowledgedBy" | "acknowledgedAt" | "notes" | "logReadAt" | "deploy"
>;
export type IncidentPatch = Partial<
  Pick<
    Incident,
    | "kind"
    | "exitCode"
    | "lastAt"
    | "count"
    | "logTail"
    | "healthOutput"
    | "containerId"
    | "image"
    | "oom"
    | "lastStderr"
    | "logReadAt"
  >
>;
export type IncidentFilter = { open?: boolean; hostId?: string; containerName?: string; limit?: number };
export type IncidentsResponse = { incidents: Incident[] };
