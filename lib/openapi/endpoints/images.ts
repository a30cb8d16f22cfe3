import "server-only";
import { endpoint } from "@/lib/api/endpoint";
import { hostParamsSchema, pruneBodySchema } from "@/lib/images/schemas";

const IMAGES = "Images";

export const imageEndpoints = {
  hostImages: endpoint({
    method: "GET",
    path: "/api/hosts/{hostId}/images",
    auth: "viewer",
    reach: { kind: "host", hostId: ({ params }) => params.hostId },
    params: hostParamsSchema,
    tag: IMAGES,
    summary:
      "A host's images: tags, id, size, created, OCI version, the containers using each, dangling or unused",
    errors: ["NOT_FOUND", "HOST_UNREACHABLE"],
  }),
  pruneImages: endpoint({
    method: "POST",
    path: "/api/hosts/{hostId}/images/prune",
    auth: "admin",
    reach: { kind: "host", hostId: ({ params }) => params.hostId },
    params: hostParamsSchema,
    body: pruneBodySchema,
    tag: IMAGES,
    summary: "Preview (`dryRun: true`) or prune a host's unused images; a prune is a history row",
    description:
      "The dry run lists what would go and the bytes it takes. The prune removes the images `ids` names (from a preview) that are still unused; an image a rollback needs is never removed.",
    errors: ["NOT_FOUND", "HOST_UNREACHABLE"],
  }),
};
