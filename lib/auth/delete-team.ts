import "server-only";
import type { Kysely } from "kysely";
import { announceGrantChange } from "./announce-grant-change";
import type { AuthTables } from "./db/auth-tables";
import { recordAudit } from "./db/record-audit";
import { deleteTeamRow, findTeam, teamNotFound } from "./db/team-rows";

/** Deletes a team with its memberships and grants (audited); its members' streams re-check at once. */
export async function deleteTeam(
  db: Kysely<AuthTables>,
  id: number,
  actor: string,
  address?: string,
): Promise<void> {
  const members = await db.transaction().execute(async (trx) => {
    const team = await findTeam(trx, id);
    if (!team) throw teamNotFound(id);
    await deleteTeamRow(trx, id);
    const detail = `members: ${team.members.map((m) => m.username).join(", ") || "none"}`;
    await recordAudit(trx, { actor, action: "team-deleted", target: team.name, address, detail });
    return team.members.map((m) => m.userId);
  });
  announceGrantChange(members);
}
