import "server-only";
import { cachedStatement } from "@/lib/db/cached-statement";
import type { Db } from "@/lib/db/db";
import { announceAccessChange } from "./access-changes";
import { hashPassword } from "./hash-password";
import { assertAnotherActiveAdmin } from "./last-admin";
import { ownedTokensChange } from "./owned-tokens";
import { parseInput } from "./parse-input";
import { recordAudit } from "./record-audit";
import { userPatchSchema, type UserPatch } from "./schemas";
import type { AccessLostReason, User } from "./types";
import { toUser, userColumns, userNotFound } from "./user-row";

/**
 * Changes a user's role, password or disabled state; absent fields stay as they are. A new password or
 * disabling ends all of the user's sessions, since either usually means someone else may have had access.
 * The API tokens they own follow at once (./token-access): refused while they are disabled, and capped at a
 * lower role; the audit entry says how many.
 * CONFLICT when it would leave no active admin, NOT_FOUND for an unknown id.
 */
export async function updateUser(
  db: Db,
  id: number,
  patch: UserPatch,
  actor: string,
  address?: string,
): Promise<User> {
  const { role, password, disabled } = parseInput(userPatchSchema, patch);
  // Hashed before the transaction: a transaction must not span an await.
  const passwordHash = password === undefined ? undefined : await hashPassword(password);

  const update = db.transaction(() => {
    const current = cachedStatement(db, `SELECT ${userColumns} FROM users WHERE id = ?`).get(id);
    if (current === undefined) throw userNotFound(id);
    const user = toUser(current);
    const now = new Date().toISOString();

    const changes: string[] = [];
    const newRole = role !== undefined && role !== user.role ? role : undefined;
    const disabling = disabled === true && user.disabledAt === null;
    const enabling = disabled === false && user.disabledAt !== null;
    if (user.role === "admin" && user.disabledAt === null && (newRole !== undefined || disabling)) {
      assertAnotherActiveAdmin(db, user, newRole !== undefined ? "demote" : "disable");
    }
    if (newRole !== undefined) {
      cachedStatement(db, "UPDATE users SET role = ? WHERE id = ?").run(newRole, id);
      changes.push(`role: ${user.role} → ${newRole}`);
    }
    if (passwordHash !== undefined) {
      cachedStatement(db, "UPDATE users SET password_hash = ? WHERE id = ?").run(passwordHash, id);
      changes.push("password changed");
    }
    if (disabling || enabling) {
      cachedStatement(db, "UPDATE users SET disabled_at = ? WHERE id = ?").run(disabling ? now : null, id);
      changes.push(disabling ? "disabled" : "enabled");
    }
    const tokens = ownedTokensChange(db, id, { disabling, enabling, newRole }, now);
    if (tokens !== null) changes.push(tokens);
    if (passwordHash !== undefined || disabling) {
      cachedStatement(db, "UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL").run(
        now,
        id,
      );
    }
    if (changes.length > 0) {
      recordAudit(db, {
        actor,
        action: "user-updated",
        target: user.username,
        address,
        detail: changes.join("; "),
        at: now,
      });
    }
    const updated = toUser(cachedStatement(db, `SELECT ${userColumns} FROM users WHERE id = ?`).get(id));
    // What ended the user's streams, the weightiest first; a role change ends only those needing more.
    const reason: AccessLostReason | null = disabling
      ? "user disabled"
      : passwordHash !== undefined
        ? "password changed"
        : newRole !== undefined
          ? "role changed"
          : null;
    return { updated, reason };
  });
  const { updated, reason } = update.immediate();
  if (reason !== null) announceAccessChange({ userId: id, reason });
  return updated;
}
