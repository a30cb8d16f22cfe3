import "server-only";
import { containerTarget } from "@/lib/fleet/fleet-targets";
import { endpoint } from "@/lib/api/endpoint";
import { openConsoleBodySchema } from "@/lib/console/schemas";
import { containerParamsSchema } from "@/lib/fleet/schemas";

export const consoleEndpoints = {
  openConsole: endpoint({
    method: "POST",
    path: "/api/containers/{hostId}/{nameOrId}/console",
    auth: "operator",
    reach: {
      kind: "targets",
      targets: async ({ params }) => [await containerTarget(params.hostId, params.nameOrId)],
    },
    params: containerParamsSchema,
    body: openConsoleBodySchema,
    tag: "Console",
    summary: "A one-time ticket (30 s) for a console into a running container",
    description:
      'Open the WebSocket at the answered `url` (`ws://…/api/containers/{hostId}/{nameOrId}/console?ticket=…`) with the same session or token: binary frames are the terminal both ways, a text frame `{type:"resize",cols,rows}` resizes it, and the last text frame `{type:"end",reason,message}` says why it ended.',
    errors: ["NOT_FOUND", "HOST_UNREACHABLE", "CONFLICT", "FORBIDDEN"],
  }),
};
