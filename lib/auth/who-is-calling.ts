import "server-only";
import { authDatabase } from "./auth-database";
import { listUserTeams, type UserTeam } from "./db/list-user-teams";
import type { Principal } from "./types";

/**
 * The caller, whether it sees only part of the fleet (`scoped`: its grants), and a user's teams (with whether an
 * admin or the identity provider's groups made each one).
 */
export async function whoIsCalling(
  principal: Principal,
  scoped: boolean,
): Promise<{
  principal: Pick<Principal, "kind" | "name" | "role"> & { scoped: boolean };
  teams: UserTeam[];
}> {
  const teams =
    principal.userId === undefined ? [] : await listUserTeams(await authDatabase(), principal.userId);
  return { principal: { kind: principal.kind, name: principal.name, role: principal.role, scoped }, teams };
}
