import "server-only";
import type { Kysely } from "kysely";
import { WharfError } from "@/lib/core/errors";
import { announceGrantChange } from "./announce-grant-change";
import type { AuthTables } from "./db/auth-tables";
import { findUser } from "./db/find-user";
import { recordAudit } from "./db/record-audit";
import { deleteMember, findTeam, teamNotFound, upsertMember } from "./db/team-rows";
import { userNotFound } from "./db/user-table";
import type { Team } from "./types";

type Change = { teamId: number; userId: number; actor: string; address?: string };

/**
 * Adds a user to a team, or removes them (audited: who put whom where). A removal ends the user's streams that
 * no longer see what they show; an SSO membership removed here comes back at the user's next sign-in if the
 * identity provider still says so. NOT_FOUND for an unknown team or user, or a removal of a non-member.
 */
export async function changeMembership(
  db: Kysely<AuthTables>,
  change: Change,
  adding: boolean,
): Promise<Team> {
  const { teamId, userId, actor, address } = change;
  const team = await db.transaction().execute(async (trx) => {
    const team = await findTeam(trx, teamId);
    if (!team) throw teamNotFound(teamId);
    const user = await findUser(trx, userId);
    if (!user) throw userNotFound(userId);
    const at = new Date().toISOString();
    if (adding) await upsertMember(trx, { teamId, userId, addedAt: at });
    else if (!(await deleteMember(trx, teamId, userId)))
      throw new WharfError("NOT_FOUND", `User ${user.username} is not a member of team ${team.name}`);
    await recordAudit(trx, {
      actor,
      action: adding ? "team-member-added" : "team-member-removed",
      target: team.name,
      address,
      detail: `${adding ? "added" : "removed"} ${user.username}`,
      at,
    });
    return (await findTeam(trx, teamId))!;
  });
  announceGrantChange([userId]);
  return team;
}
