import "server-only";
import { containerTarget } from "@/lib/fleet/fleet-targets";
import { endpoint } from "@/lib/api/endpoint";
import { policyBodySchema, policyParamsSchema, statusQuerySchema } from "@/lib/autoheal/schemas";

const AUTOHEAL = "Auto-heal";

export const autohealEndpoints = {
  policies: endpoint({
    method: "GET",
    path: "/api/autoheal/policies",
    auth: "viewer",
    reach: { kind: "filtered" },
    tag: AUTOHEAL,
    summary: "The auto-heal policies (hosts and compose projects opted in)",
  }),
  setPolicy: endpoint({
    method: "POST",
    path: "/api/autoheal/policies",
    auth: "operator",
    reach: {
      kind: "host",
      hostId: ({ body }) => (body.project === null ? (body.hostId ?? undefined) : undefined),
    },
    body: policyBodySchema,
    tag: AUTOHEAL,
    summary: "Opt a host, a compose project, or a project on one host into auto-heal (audited)",
    errors: ["NOT_FOUND"],
  }),
  deletePolicy: endpoint({
    method: "DELETE",
    path: "/api/autoheal/policies/{id}",
    auth: "operator",
    reach: { kind: "fleet" },
    params: policyParamsSchema,
    tag: AUTOHEAL,
    summary: "Remove a policy; tries planned under it alone are cancelled (audited)",
    errors: ["NOT_FOUND"],
  }),
  status: endpoint({
    method: "GET",
    path: "/api/autoheal/status",
    auth: "viewer",
    reach: {
      kind: "targets",
      targets: async ({ query }) => [await containerTarget(query.host, query.container)],
    },
    query: statusQuerySchema,
    tag: AUTOHEAL,
    summary: "Where auto-heal stands for one container: its policy, tries, the next one",
    errors: ["NOT_FOUND"],
  }),
};
