import "server-only";
import type { Kysely } from "kysely";
import { describeScope } from "@/lib/core/access-rule";
import { announceGrantChange, holderUsers } from "./announce-grant-change";
import type { AuthTables } from "./db/auth-tables";
import { deleteGrantRow, grantNotFound, listGrantInfos } from "./db/grant-rows";
import { recordAudit } from "./db/record-audit";
import { toGrant } from "./load-access";

/**
 * Takes a grant back (audited). Its holder's open streams that can no longer see what they show end at once,
 * with "access changed". NOT_FOUND for an unknown id.
 */
export async function removeGrant(
  db: Kysely<AuthTables>,
  id: number,
  actor: string,
  address?: string,
): Promise<void> {
  const { holder, users } = await db.transaction().execute(async (trx) => {
    const [grant] = await listGrantInfos(trx, toGrant, id);
    if (!grant) throw grantNotFound(id);
    await deleteGrantRow(trx, id);
    await recordAudit(trx, {
      actor,
      action: "grant-removed",
      target: `${grant.holder.kind} ${grant.holder.name}`,
      address,
      detail: `${grant.role} on ${describeScope(grant.scope)}`,
    });
    return { holder: grant.holder, users: await holderUsers(trx, grant.holder) };
  });
  announceGrantChange(users, holder.kind === "token" ? holder.id : undefined);
}
