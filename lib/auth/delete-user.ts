import "server-only";
import { cachedStatement } from "@/lib/db/cached-statement";
import type { Db } from "@/lib/db/db";
import { announceAccessChange } from "./access-changes";
import { assertAnotherActiveAdmin } from "./last-admin";
import { recordAudit } from "./record-audit";
import { toUser, userColumns, userNotFound } from "./user-row";

/**
 * Deletes a user and (by the foreign key) their sessions. API tokens they created stay valid: they belong to
 * the scripts using them, and an admin revokes them on their own. CONFLICT for the last active admin.
 */
export function deleteUser(db: Db, id: number, actor: string, address?: string): void {
  const remove = db.transaction(() => {
    const row = cachedStatement(db, `SELECT ${userColumns} FROM users WHERE id = ?`).get(id);
    if (row === undefined) throw userNotFound(id);
    const user = toUser(row);
    if (user.role === "admin" && user.disabledAt === null) assertAnotherActiveAdmin(db, user, "delete");
    cachedStatement(db, "DELETE FROM users WHERE id = ?").run(id);
    recordAudit(db, { actor, action: "user-deleted", target: user.username, address });
  });
  remove.immediate();
  announceAccessChange({ userId: id, reason: "user deleted" });
}
