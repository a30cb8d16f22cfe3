import "server-only";
import { containerTarget } from "@/lib/fleet/fleet-targets";
import { endpoint } from "@/lib/api/endpoint";
import {
  bulkRestartBodySchema,
  deployHookBodySchema,
  lifecycleBodySchema,
  redeployBodySchema,
  restartCrashedBodySchema,
  rollbackBodySchema,
} from "@/lib/actions/schemas";
import type { ErrorCode } from "@/lib/core/errors";
import { containerParamsSchema } from "@/lib/fleet/schemas";

const ACTIONS = "Actions";
// An action answers 2xx only for `succeeded` and `no-change`; a failed one answers the status of its cause.
const ACTION_ERRORS: ErrorCode[] = ["NOT_FOUND", "CONFLICT", "HOST_UNREACHABLE", "ENGINE_REFUSED"];
const DEPLOY_ERRORS: ErrorCode[] = [...ACTION_ERRORS, "ROLLED_BACK"];

const lifecycle = (action: "start" | "stop" | "restart") =>
  endpoint({
    method: "POST",
    path: `/api/containers/{hostId}/{nameOrId}/${action}`,
    auth: "operator",
    reach: {
      kind: "targets",
      targets: async ({ params }) => [await containerTarget(params.hostId, params.nameOrId)],
    },
    params: containerParamsSchema,
    body: lifecycleBodySchema,
    tag: ACTIONS,
    summary: `The engine's ${action}, recorded in the deploy history`,
    errors: ACTION_ERRORS,
  });

export const actionEndpoints = {
  start: lifecycle("start"),
  stop: lifecycle("stop"),
  restart: lifecycle("restart"),
  redeploy: endpoint({
    method: "POST",
    path: "/api/containers/{hostId}/{nameOrId}/redeploy",
    auth: "operator",
    reach: {
      kind: "targets",
      targets: async ({ params }) => [await containerTarget(params.hostId, params.nameOrId)],
    },
    params: containerParamsSchema,
    body: redeployBodySchema,
    tag: ACTIONS,
    summary: "Pull, recreate with the whole configuration, check it holds, roll back by itself if not",
    description:
      "`image` must pass the image rule (another repository needs admin; a host's allowedImages); a `localhost/…` reference, which no registry serves, is refused (400) before anything is pulled.",
    errors: DEPLOY_ERRORS,
  }),
  rollback: endpoint({
    method: "POST",
    path: "/api/containers/{hostId}/{nameOrId}/rollback",
    auth: "operator",
    reach: {
      kind: "targets",
      targets: async ({ params }) => [await containerTarget(params.hostId, params.nameOrId)],
    },
    params: containerParamsSchema,
    body: rollbackBodySchema,
    tag: ACTIONS,
    summary: "Recreate the container on the image it ran before its last successful redeploy",
    description:
      "A redeploy onto the previous image of this container's own lineage, under the same image rule and allowedImages; no tag on the host is created or moved.",
    errors: DEPLOY_ERRORS,
  }),
  deploy: endpoint({
    method: "POST",
    path: "/api/deploy",
    auth: "operator",
    reach: {
      kind: "targets",
      targets: async ({ body }) => [await containerTarget(body.hostId, body.container)],
    },
    body: deployHookBodySchema,
    tag: ACTIONS,
    summary: "The deploy hook for CI pipelines: a redeploy by host and container name",
    errors: DEPLOY_ERRORS,
  }),
  restartMany: endpoint({
    method: "POST",
    path: "/api/actions/restart",
    auth: "operator",
    reach: {
      kind: "targets",
      targets: ({ body }) => Promise.all(body.containers.map((c) => containerTarget(c.hostId, c.name))),
    },
    body: bulkRestartBodySchema,
    tag: ACTIONS,
    summary: "Restart several containers, each with its own result",
    errors: ["INCOMPLETE"],
  }),
  restartCrashed: endpoint({
    method: "POST",
    path: "/api/actions/restart-crashed",
    auth: "operator",
    reach: { kind: "host", hostId: ({ body }) => body.hostId },
    body: restartCrashedBodySchema,
    tag: ACTIONS,
    summary: "Restart the crashed containers of one host, or of every host that is up",
    errors: ["NOT_FOUND", "INCOMPLETE"],
  }),
};
