import "server-only";
import { authDatabase } from "@/lib/auth/auth-database";
import { clientAddress } from "@/lib/auth/authenticate-request";
import { addGrant } from "./add-grant";
import { createTeam } from "./create-team";
import { listGrantInfos } from "./db/grant-rows";
import { listTeamRows } from "./db/team-rows";
import { deleteTeam } from "./delete-team";
import { toGrant } from "./load-access";
import { removeGrant } from "./remove-grant";
import { renameTeam } from "./rename-team";
import { changeMembership } from "./team-membership";
import type { Principal } from "./types";

// The admin endpoints for teams and grants, each one call into lib/auth with the database and who is asking.
export const teamsApi = {
  list: async () => ({ teams: await listTeamRows(await authDatabase()) }),
  create: async (input: unknown, by: Principal, request: Request) => ({
    team: await createTeam(await authDatabase(), input, by.name, clientAddress(request)),
  }),
  rename: async (id: number, input: unknown, by: Principal, request: Request) => ({
    team: await renameTeam(await authDatabase(), id, input, by.name, clientAddress(request)),
  }),
  remove: async (id: number, by: Principal, request: Request) => {
    await deleteTeam(await authDatabase(), id, by.name, clientAddress(request));
    return { ok: true };
  },
  member: async (teamId: number, userId: number, adding: boolean, by: Principal, request: Request) => ({
    team: await changeMembership(
      await authDatabase(),
      { teamId, userId, actor: by.name, address: clientAddress(request) },
      adding,
    ),
  }),
};

export const grantsApi = {
  list: async () => ({ grants: await listGrantInfos(await authDatabase(), toGrant) }),
  add: async (input: unknown, by: Principal, request: Request) => ({
    grant: await addGrant(await authDatabase(), input, by.name, clientAddress(request)),
  }),
  remove: async (id: number, by: Principal, request: Request) => {
    await removeGrant(await authDatabase(), id, by.name, clientAddress(request));
    return { ok: true };
  },
};
