import "server-only";
import type { Kysely } from "kysely";
import type { Role } from "../types";
import type { AuthTables } from "./auth-tables";

export type UserChanges = {
  role?: Role;
  passwordHash?: string;
  disabledAt?: string | null;
  scoped?: boolean;
};

/** Writes the fields given; one absent stays as it is. */
export async function updateUserRow(db: Kysely<AuthTables>, id: number, changes: UserChanges): Promise<void> {
  const set = {
    ...(changes.role !== undefined && { role: changes.role }),
    ...(changes.passwordHash !== undefined && { password_hash: changes.passwordHash }),
    ...(changes.disabledAt !== undefined && { disabled_at: changes.disabledAt }),
    ...(changes.scoped !== undefined && { scoped: changes.scoped ? 1 : 0 }),
  };
  if (Object.keys(set).length === 0) return;
  await db.updateTable("users").set(set).where("id", "=", id).execute();
}
