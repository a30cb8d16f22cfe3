import "server-only";
import { endpoint } from "@/lib/api/endpoint";
import { idParamsSchema } from "@/lib/auth/schemas";
import {
  newGrantSchema,
  newTeamSchema,
  teamMemberParamsSchema,
  teamPatchSchema,
} from "@/lib/auth/scope-schema";

const TEAMS = "Teams and grants";
// Who may see and do what is the whole fleet's business: an admin on the fleet manages it, no scoped admin.
const admin = { auth: "admin", reach: { kind: "fleet" }, tag: TEAMS } as const;

export const teamEndpoints = {
  listTeams: endpoint({
    method: "GET",
    path: "/api/teams",
    ...admin,
    summary: "The teams, with their members (`source`: `local` from an admin, `sso` from the last sign-in)",
  }),
  createTeam: endpoint({
    method: "POST",
    path: "/api/teams",
    ...admin,
    body: newTeamSchema,
    summary: "Create a team (audited)",
    errors: ["CONFLICT"],
  }),
  renameTeam: endpoint({
    method: "PATCH",
    path: "/api/teams/{id}",
    ...admin,
    params: idParamsSchema,
    body: teamPatchSchema,
    summary: "Rename a team (audited)",
    errors: ["NOT_FOUND", "CONFLICT"],
  }),
  deleteTeam: endpoint({
    method: "DELETE",
    path: "/api/teams/{id}",
    ...admin,
    params: idParamsSchema,
    summary: "Delete a team with its memberships and grants; its members' streams re-check at once (audited)",
    errors: ["NOT_FOUND"],
  }),
  addTeamMember: endpoint({
    method: "PUT",
    path: "/api/teams/{id}/members/{userId}",
    ...admin,
    params: teamMemberParamsSchema,
    summary: "Add a user to a team (audited)",
    errors: ["NOT_FOUND"],
  }),
  removeTeamMember: endpoint({
    method: "DELETE",
    path: "/api/teams/{id}/members/{userId}",
    ...admin,
    params: teamMemberParamsSchema,
    summary: "Remove a user from a team; their streams that no longer see what they show end (audited)",
    errors: ["NOT_FOUND"],
  }),
  listGrants: endpoint({
    method: "GET",
    path: "/api/grants",
    ...admin,
    summary: "Every grant: its role, scope (null: the whole fleet) and holder (a user, a team or a token)",
  }),
  addGrant: endpoint({
    method: "POST",
    path: "/api/grants",
    ...admin,
    body: newGrantSchema,
    summary: "Grant a role on the fleet or on a scope to a user, a team or an API token (audited)",
    description:
      "`scope` holds `hosts`, `projects`, `names` (globs: `shop-*`) and `services`, each a list; kinds combine with AND, values with OR. `null` grants the whole fleet.",
    errors: ["NOT_FOUND"],
  }),
  removeGrant: endpoint({
    method: "DELETE",
    path: "/api/grants/{id}",
    ...admin,
    params: idParamsSchema,
    summary: "Take a grant back; the holder's streams that no longer see what they show end (audited)",
    errors: ["NOT_FOUND"],
  }),
};
