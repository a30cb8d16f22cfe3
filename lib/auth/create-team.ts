import "server-only";
import type { Kysely } from "kysely";
import { WharfError } from "@/lib/core/errors";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import type { AuthTables } from "./db/auth-tables";
import { recordAudit } from "./db/record-audit";
import { findTeam, insertTeam } from "./db/team-rows";
import { parseInput } from "./parse-input";
import { newTeamSchema } from "./scope-schema";
import type { Team } from "./types";

/** Creates an empty team (audited). CONFLICT for a name in use, whatever its case. */
export async function createTeam(
  db: Kysely<AuthTables>,
  input: unknown,
  actor: string,
  address?: string,
): Promise<Team> {
  const { name } = parseInput(newTeamSchema, input);
  const at = new Date().toISOString();
  try {
    return await db.transaction().execute(async (trx) => {
      const id = await insertTeam(trx, { name, createdAt: at, createdBy: actor });
      await recordAudit(trx, { actor, action: "team-created", target: name, address, at });
      return (await findTeam(trx, id))!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new WharfError("CONFLICT", `A team named "${name}" already exists`);
    throw error;
  }
}
