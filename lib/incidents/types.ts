import type { Incident, IncidentTarget } from "@/lib/fleet/incident-types";

export type NewIncident = Omit<
  Incident,
  | "id"
  | "endedAt"
  | "endReason"
  | "acknowledgedBy"
  | "acknowledgedAt"
  | "notes"
  | "logReadAt"
  | "target"
  | "taskId"
  | "nodeId"
  | "error"
  | "deploy"
> &
  Partial<Pick<Incident, "target" | "taskId" | "nodeId" | "error" | "logReadAt">>;
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
export type IncidentFilter = {
  open?: boolean;
  target?: IncidentTarget;
  hostId?: string;
  containerName?: string;
  limit?: number;
};
export type IncidentsResponse = { incidents: Incident[] };
