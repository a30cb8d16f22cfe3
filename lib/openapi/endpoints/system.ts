import "server-only";
import { endpoint } from "@/lib/api/endpoint";
import { metricsAccess } from "@/lib/metrics/metrics-access";

export const systemEndpoints = {
  health: endpoint({
    method: "GET",
    path: "/api/health",
    auth: "public",
    reach: { kind: "none" },
    tag: "System",
    summary: "Whether the server is up, and its role among the replicas",
    description:
      'Answers `{"status":"ok","replica":NAME,"role":"recorder"|"follower","database":"ok"}`. Contacts no engine. With `DATABASE_URL` (PostgreSQL) it asks the database first: one that does not answer within 2 s makes it 503, and the replica gives up the recorder\'s lease. With the embedded SQLite database the one server is always the recorder.',
  }),
  openapi: endpoint({
    method: "GET",
    path: "/api/openapi.json",
    auth: "public",
    reach: { kind: "none" },
    tag: "System",
    summary: "This description of the API (OpenAPI 3.1)",
    description:
      "Generated from the declarations the routes run with: their roles and the zod schemas that validate their input.",
  }),
  metrics: endpoint({
    method: "GET",
    path: "/metrics",
    auth: metricsAccess(),
    reach: { kind: "filtered" },
    tag: "System",
    answers: "prometheus",
    summary: "Prometheus metrics",
    description:
      "The fleet, incidents, actions, alert deliveries, open streams and event lag in the Prometheus text format. Needs a viewer, or nothing when the server runs with WHARF_METRICS_PUBLIC=1.",
  }),
};
