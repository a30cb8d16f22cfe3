import "server-only";
import type { Kysely } from "kysely";
import { announceAccessChange } from "./access-changes";
import type { AuthTables } from "./db/auth-tables";
import { findUser } from "./db/find-user";
import { recordAudit } from "./db/record-audit";
import { revokeUserSessions } from "./db/revoke-user-sessions";
import { updateUserRow } from "./db/update-user-row";
import { userNotFound } from "./db/user-table";
import { hashPassword } from "./hash-password";
import { assertAnotherActiveAdmin } from "./last-admin";
import { ownedTokensChange } from "./owned-tokens";
import { parseInput } from "./parse-input";
import { userPatchSchema, type UserPatch } from "./schemas";
import type { AccessLostReason, User } from "./types";

/**
 * Changes a user's role, password, disabled state or whether their role applies fleet-wide (`scoped`: then
 * only their grants do); absent fields stay as they are. A new password or
 * disabling ends all of the user's sessions, since either usually means someone else may have had access.
 * The API tokens they own follow at once (./token-access): refused while they are disabled, and capped at a
 * lower role; the audit entry says how many.
 * CONFLICT when it would leave no active admin, NOT_FOUND for an unknown id.
 */
export async function updateUser(
  db: Kysely<AuthTables>,
  id: number,
  patch: UserPatch,
  actor: string,
  address?: string,
): Promise<User> {
  const { role, password, disabled, scoped } = parseInput(userPatchSchema, patch);
  // Hashed before the transaction: on SQLite it holds the one connection, and scrypt takes a while.
  const passwordHash = password === undefined ? undefined : await hashPassword(password);

  const { updated, reason } = await db.transaction().execute(async (trx) => {
    const user = await findUser(trx, id);
    if (user === undefined) throw userNotFound(id);
    const now = new Date().toISOString();

    const changes: string[] = [];
    const newRole = role !== undefined && role !== user.role ? role : undefined;
    const disabling = disabled === true && user.disabledAt === null;
    const enabling = disabled === false && user.disabledAt !== null;
    if (user.role === "admin" && user.disabledAt === null && (newRole !== undefined || disabling)) {
      await assertAnotherActiveAdmin(trx, user, newRole !== undefined ? "demote" : "disable");
    }
    const disabledAt = disabling ? now : enabling ? null : undefined;
    const newScoped = scoped !== undefined && scoped !== user.scoped ? scoped : undefined;
    await updateUserRow(trx, id, { role: newRole, passwordHash, disabledAt, scoped: newScoped });
    if (newScoped !== undefined)
      changes.push(newScoped ? "scoped: the role no longer applies fleet-wide" : "no longer scoped");
    if (newRole !== undefined) changes.push(`role: ${user.role} → ${newRole}`);
    if (passwordHash !== undefined) changes.push("password changed");
    if (disabling || enabling) changes.push(disabling ? "disabled" : "enabled");
    const tokens = await ownedTokensChange(trx, id, { disabling, enabling, newRole }, now);
    if (tokens !== null) changes.push(tokens);
    if (passwordHash !== undefined || disabling) await revokeUserSessions(trx, id, now);
    if (changes.length > 0) {
      const detail = changes.join("; ");
      await recordAudit(trx, {
        actor,
        action: "user-updated",
        target: user.username,
        address,
        detail,
        at: now,
      });
    }
    const updated = (await findUser(trx, id))!;
    // What ended the user's streams, the weightiest first; a role change ends only those needing more.
    const reason: AccessLostReason | null = disabling
      ? "user disabled"
      : passwordHash !== undefined
        ? "password changed"
        : newRole !== undefined
          ? "role changed"
          : newScoped !== undefined
            ? "access changed"
            : null;
    return { updated, reason };
  });
  if (reason !== null) announceAccessChange({ userId: id, reason });
  return updated;
}
