import "server-only";
import type { Kysely } from "kysely";
import { announceAccessChange } from "./access-changes";
import type { AuthTables } from "./db/auth-tables";
import { deleteUserRow } from "./db/delete-user-row";
import { findUser } from "./db/find-user";
import { recordAudit } from "./db/record-audit";
import { revokeOwnedTokens } from "./db/revoke-owned-tokens";
import { userNotFound } from "./db/user-table";
import { assertAnotherActiveAdmin } from "./last-admin";

/**
 * Deletes a user, (by the foreign key) their sessions, and revokes the API tokens they own: a token acts as its
 * maker, and one that should outlive them is a service token an admin makes for a team. Their open streams,
 * the tokens' included, end. CONFLICT for the last active admin.
 */
export async function deleteUser(
  db: Kysely<AuthTables>,
  id: number,
  actor: string,
  address?: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const user = await findUser(trx, id);
    if (user === undefined) throw userNotFound(id);
    if (user.role === "admin" && user.disabledAt === null)
      await assertAnotherActiveAdmin(trx, user, "delete");
    const at = new Date().toISOString();
    for (const name of await revokeOwnedTokens(trx, id, at)) {
      const detail = `its owner ${user.username} was deleted`;
      await recordAudit(trx, { actor, action: "token-revoked", target: name, address, detail, at });
    }
    await deleteUserRow(trx, id);
    await recordAudit(trx, { actor, action: "user-deleted", target: user.username, address, at });
  });
  announceAccessChange({ userId: id, reason: "user deleted" });
}
