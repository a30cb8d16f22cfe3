import "server-only";
import type { Kysely } from "kysely";
import { WharfError } from "@/lib/core/errors";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import type { AuthTables } from "./db/auth-tables";
import { recordAudit } from "./db/record-audit";
import { findTeam, renameTeamRow, teamNotFound } from "./db/team-rows";
import { parseInput } from "./parse-input";
import { teamPatchSchema } from "./scope-schema";
import type { Team } from "./types";

/** Renames a team (audited); its members and grants stay. NOT_FOUND, or CONFLICT for a name in use. */
export async function renameTeam(
  db: Kysely<AuthTables>,
  id: number,
  input: unknown,
  actor: string,
  address?: string,
): Promise<Team> {
  const { name } = parseInput(teamPatchSchema, input);
  try {
    return await db.transaction().execute(async (trx) => {
      const team = await findTeam(trx, id);
      if (!team) throw teamNotFound(id);
      if (team.name === name) return team;
      await renameTeamRow(trx, id, name);
      const detail = `${team.name} → ${name}`;
      await recordAudit(trx, { actor, action: "team-renamed", target: name, address, detail });
      return (await findTeam(trx, id))!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new WharfError("CONFLICT", `A team named "${name}" already exists`);
    throw error;
  }
}
