import "server-only";
import { incidentTargetById } from "@/lib/incidents/incident-target";
import { endpoint } from "@/lib/api/endpoint";
import {
  historyFilterQuerySchema,
  historyListQuerySchema,
  historyTimelineQuerySchema,
} from "@/lib/history/schemas";
import { incidentParamsSchema, incidentsQuerySchema } from "@/lib/incidents/schemas";

export const incidentEndpoints = {
  incidents: endpoint({
    method: "GET",
    path: "/api/incidents",
    auth: "viewer",
    reach: { kind: "filtered" },
    query: incidentsQuerySchema,
    tag: "Incidents",
    summary:
      "Crashes, OOM kills, restart loops, failing health checks and failing swarm services, with their evidence and how they ended, newest first",
    errors: ["NOT_FOUND"],
  }),
  acknowledge: endpoint({
    method: "POST",
    path: "/api/incidents/{id}/ack",
    auth: "operator",
    reach: { kind: "targets", targets: async ({ params }) => [await incidentTargetById(params.id)] },
    params: incidentParamsSchema,
    tag: "Incidents",
    summary: "Acknowledge an incident (the first acknowledgement stands)",
    errors: ["NOT_FOUND"],
  }),
  history: endpoint({
    method: "GET",
    path: "/api/history",
    auth: "viewer",
    reach: { kind: "filtered" },
    query: historyListQuerySchema,
    tag: "History",
    summary: "The deploy history, newest first, one keyset-paginated page",
    errors: ["NOT_FOUND"],
  }),
  historyCsv: endpoint({
    method: "GET",
    path: "/api/history.csv",
    auth: "viewer",
    reach: { kind: "filtered" },
    query: historyFilterQuerySchema,
    tag: "History",
    answers: "csv",
    summary: "Every matching history entry as a CSV attachment",
    errors: ["NOT_FOUND"],
  }),
  timeline: endpoint({
    method: "GET",
    path: "/api/history/timeline",
    auth: "viewer",
    reach: { kind: "filtered" },
    query: historyTimelineQuerySchema,
    tag: "History",
    summary: "Actions per UTC day, host and outcome, for the history chart",
    errors: ["NOT_FOUND"],
  }),
};
