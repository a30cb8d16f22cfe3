import "server-only";
import { serviceTarget } from "@/lib/fleet/fleet-targets";
import type { z } from "zod";
import { endpoint } from "@/lib/api/endpoint";
import type { ErrorCode } from "@/lib/core/errors";
import {
  serviceParamsSchema,
  serviceRedeployBodySchema,
  serviceScaleBodySchema,
  serviceWaitBodySchema,
  swarmQuerySchema,
} from "@/lib/services/schemas";

const SWARM = "Swarm services";
const READ_ERRORS: ErrorCode[] = ["NOT_FOUND", "HOST_UNREACHABLE"];
// Like a container action: 2xx only when the update completed; a rolled-back or stalled one answers 422.
const UPDATE_ERRORS: ErrorCode[] = [
  "NOT_FOUND",
  "CONFLICT",
  "HOST_UNREACHABLE",
  "ENGINE_REFUSED",
  "ROLLED_BACK",
  "INCOMPLETE",
];

const update = <B>(action: string, body: z.ZodType<B>, summary: string, description?: string) =>
  endpoint({
    method: "POST",
    path: `/api/services/{hostId}/{name}/${action}`,
    auth: "operator",
    reach: {
      kind: "targets",
      targets: async ({ params }) => [{ target: serviceTarget(params.hostId, params.name) }],
    },
    params: serviceParamsSchema,
    body,
    tag: SWARM,
    summary,
    description,
    errors: UPDATE_ERRORS,
  });

export const serviceEndpoints = {
  services: endpoint({
    method: "GET",
    path: "/api/services",
    auth: "viewer",
    reach: { kind: "filtered" },
    query: swarmQuerySchema,
    tag: SWARM,
    summary: "The services of every swarm manager in the fleet (or of the hosts asked for)",
    errors: READ_ERRORS,
  }),
  service: endpoint({
    method: "GET",
    path: "/api/services/{hostId}/{name}",
    auth: "viewer",
    reach: {
      kind: "targets",
      targets: async ({ params }) => [{ target: serviceTarget(params.hostId, params.name) }],
    },
    params: serviceParamsSchema,
    tag: SWARM,
    summary: "One service with its tasks, history and incidents",
    errors: READ_ERRORS,
  }),
  nodes: endpoint({
    method: "GET",
    path: "/api/nodes",
    auth: "viewer",
    reach: { kind: "filtered" },
    query: swarmQuerySchema,
    tag: SWARM,
    summary: "The nodes of every swarm manager in the fleet",
    errors: READ_ERRORS,
  }),
  redeployService: update(
    "redeploy",
    serviceRedeployBodySchema,
    "Resolve the tag to a digest and update the service to image@digest",
    "`image` must pass the image rule (another repository needs admin; a host's allowedImages).",
  ),
  rollbackService: update(
    "rollback",
    serviceWaitBodySchema,
    "The engine's own rollback to the previous spec",
  ),
  scaleService: update("scale", serviceScaleBodySchema, "Set the number of replicas"),
  restartService: update("restart", serviceWaitBodySchema, "Replace every task (a forced update)"),
};
