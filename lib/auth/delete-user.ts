import "server-only";
import { cachedStatement } from "@/lib/db/cached-statement";
import type { Db } from "@/lib/db/db";
import { announceAccessChange } from "./access-changes";
import { assertAnotherActiveAdmin } from "./last-admin";
import { recordAudit } from "./record-audit";
import { toUser, userColumns, userNotFound } from "./user-row";

/**
 * Deletes a user, (by the foreign key) their sessions, and revokes the API tokens they own: a token acts as its
 * maker, and one that should outlive them is a service token an admin makes for a team. Their open streams,
 * the tokens' included, end. CONFLICT for the last active admin.
 */
export function deleteUser(db: Db, id: number, actor: string, address?: string): void {
  const remove = db.transaction(() => {
    const row = cachedStatement(db, `SELECT ${userColumns} FROM users WHERE id = ?`).get(id);
    if (row === undefined) throw userNotFound(id);
    const user = toUser(row);
    if (user.role === "admin" && user.disabledAt === null) assertAnotherActiveAdmin(db, user, "delete");
    const at = new Date().toISOString();
    const revoked = cachedStatement(
      db,
      "UPDATE api_tokens SET revoked_at = ? WHERE owner_user_id = ? AND revoked_at IS NULL RETURNING name",
    ).all(at, id) as { name: string }[];
    for (const token of revoked) {
      const detail = `its owner ${user.username} was deleted`;
      recordAudit(db, { actor, action: "token-revoked", target: token.name, address, detail, at });
    }
    cachedStatement(db, "DELETE FROM users WHERE id = ?").run(id);
    recordAudit(db, { actor, action: "user-deleted", target: user.username, address, at });
  });
  remove.immediate();
  announceAccessChange({ userId: id, reason: "user deleted" });
}
