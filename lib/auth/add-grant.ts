import "server-only";
import type { Kysely } from "kysely";
import { describeScope } from "@/lib/core/access-rule";
import { WharfError } from "@/lib/core/errors";
import { announceGrantChange, holderUsers } from "./announce-grant-change";
import type { AuthTables } from "./db/auth-tables";
import { holderName, insertGrant, listGrantInfos } from "./db/grant-rows";
import { recordAudit } from "./db/record-audit";
import { toGrant } from "./load-access";
import { parseInput } from "./parse-input";
import { newGrantSchema } from "./scope-schema";
import type { GrantInfo } from "./types";

/**
 * Grants a role on the fleet or a scope to a user, a team or a token (audited: who granted what to whom). Takes
 * effect on the holder's next request. NOT_FOUND for a holder that does not exist.
 */
export async function addGrant(
  db: Kysely<AuthTables>,
  input: unknown,
  actor: string,
  address?: string,
): Promise<GrantInfo> {
  const { holder, role, scope } = parseInput(newGrantSchema, input);
  const { info, users } = await db.transaction().execute(async (trx) => {
    const name = await holderName(trx, holder);
    if (name === undefined)
      throw new WharfError("NOT_FOUND", `${capital(holder.kind)} ${holder.id} not found`);
    const at = new Date().toISOString();
    const id = await insertGrant(trx, { holder, role, scope, createdAt: at, createdBy: actor });
    await recordAudit(trx, {
      actor,
      action: "grant-added",
      target: `${holder.kind} ${name}`,
      address,
      detail: `${role} on ${describeScope(scope)}`,
      at,
    });
    const [info] = await listGrantInfos(trx, toGrant, id);
    return { info: info!, users: await holderUsers(trx, holder) };
  });
  announceGrantChange(users, holder.kind === "token" ? holder.id : undefined);
  return info;
}

function capital(kind: string): string {
  return kind === "token" ? "API token" : kind[0]!.toUpperCase() + kind.slice(1);
}
