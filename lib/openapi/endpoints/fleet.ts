import "server-only";
import { containerTarget } from "@/lib/fleet/fleet-targets";
import { endpoint } from "@/lib/api/endpoint";
import { containerParamsSchema, containersQuerySchema, revealEnvBodySchema } from "@/lib/fleet/schemas";
import {
  logsQuerySchema,
  olderLinesQuerySchema,
  projectLogsQuerySchema,
  projectParamsSchema,
} from "@/lib/logs/schemas";
import { statsQuerySchema } from "@/lib/stats/schemas";

const FLEET = "Fleet";

export const fleetEndpoints = {
  hosts: endpoint({
    method: "GET",
    path: "/api/hosts",
    auth: "viewer",
    reach: { kind: "filtered" },
    tag: FLEET,
    summary: "Every host: up or down, engine version, latency, container counts",
  }),
  containers: endpoint({
    method: "GET",
    path: "/api/containers",
    auth: "viewer",
    reach: { kind: "filtered" },
    query: containersQuerySchema,
    tag: FLEET,
    summary: "Every container of the fleet, from the live state, with the page's verdict (`attention`)",
    description: "`host` and `state` take comma-separated lists; `q` words that must all appear.",
    errors: ["NOT_FOUND"],
  }),
  container: endpoint({
    method: "GET",
    path: "/api/containers/{hostId}/{nameOrId}",
    auth: "viewer",
    reach: {
      kind: "targets",
      targets: async ({ params }) => [await containerTarget(params.hostId, params.nameOrId)],
    },
    params: containerParamsSchema,
    tag: FLEET,
    summary: "One container in full (environment values masked)",
    description:
      "`{container, rollback}`: `rollback` is `{available, reason, target}`, whether a rollback has something to return to (its own lineage's last redeploy, the previous image still on the host), the reference it would run (`target.reference`, `target.kind`: `reference`, `digest` or `image-id`), or why not.",
    errors: ["NOT_FOUND", "HOST_UNREACHABLE"],
  }),
  revealEnv: endpoint({
    method: "POST",
    path: "/api/containers/{hostId}/{nameOrId}/env/reveal",
    auth: "operator",
    reach: {
      kind: "targets",
      targets: async ({ params }) => [await containerTarget(params.hostId, params.nameOrId)],
    },
    params: containerParamsSchema,
    body: revealEnvBodySchema,
    tag: FLEET,
    summary: "Read one environment value (audited, never cached)",
    errors: ["NOT_FOUND", "HOST_UNREACHABLE"],
  }),
  logs: endpoint({
    method: "GET",
    path: "/api/containers/{hostId}/{nameOrId}/logs",
    auth: "viewer",
    reach: {
      kind: "targets",
      targets: async ({ params }) => [await containerTarget(params.hostId, params.nameOrId)],
    },
    params: containerParamsSchema,
    query: logsQuerySchema,
    tag: FLEET,
    answers: "sse",
    summary: "The container's log: its last lines, then every new one (server-sent events)",
    errors: ["NOT_FOUND", "HOST_UNREACHABLE"],
  }),
  olderLogs: endpoint({
    method: "GET",
    path: "/api/containers/{hostId}/{nameOrId}/logs/older",
    auth: "viewer",
    reach: {
      kind: "targets",
      targets: async ({ params }) => [await containerTarget(params.hostId, params.nameOrId)],
    },
    params: containerParamsSchema,
    query: olderLinesQuerySchema,
    tag: FLEET,
    summary:
      "The log lines before a time, for scrolling back past what the stream sent; 429 past the read bounds",
    errors: ["NOT_FOUND", "HOST_UNREACHABLE", "RATE_LIMITED"],
  }),
  projectLogs: endpoint({
    method: "GET",
    path: "/api/projects/{project}/logs",
    auth: "viewer",
    reach: { kind: "filtered" },
    params: projectParamsSchema,
    query: projectLogsQuerySchema,
    tag: FLEET,
    answers: "sse",
    summary: "The merged, time-ordered log of every container of a compose project (server-sent events)",
    errors: ["NOT_FOUND", "HOST_UNREACHABLE"],
  }),
  stats: endpoint({
    method: "GET",
    path: "/api/containers/{hostId}/{nameOrId}/stats",
    auth: "viewer",
    reach: {
      kind: "targets",
      targets: async ({ params }) => [await containerTarget(params.hostId, params.nameOrId)],
    },
    params: containerParamsSchema,
    query: statsQuerySchema,
    tag: FLEET,
    answers: "sse",
    summary: "The container's CPU, memory, network and block I/O, about once a second (server-sent events)",
    errors: ["NOT_FOUND", "HOST_UNREACHABLE"],
  }),
  events: endpoint({
    method: "GET",
    path: "/api/events",
    auth: "viewer",
    reach: { kind: "filtered" },
    tag: FLEET,
    answers: "sse",
    summary:
      "The fleet live: a snapshot, then every container, host, incident and action change (server-sent events)",
  }),
};
