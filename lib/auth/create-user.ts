import "server-only";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import { WharfError } from "@/lib/core/errors";
import { cachedStatement } from "@/lib/db/cached-statement";
import type { Db } from "@/lib/db/db";
import { hashPassword } from "./hash-password";
import { parseInput } from "./parse-input";
import { recordAudit } from "./record-audit";
import { newUserSchema, type NewUser } from "./schemas";
import type { User } from "./types";
import { toUser, userColumns } from "./user-row";

const duplicate = (username: string) =>
  new WharfError("CONFLICT", `A user named "${username}" already exists`);

/** Throws VALIDATION naming the field (password shorter than 12, username not a slug) or CONFLICT for a taken name. */
export async function createUser(db: Db, input: NewUser, actor: string, address?: string): Promise<User> {
  const { username, password, role } = parseInput(newUserSchema, input);
  // Checked before the slow hash so a taken name fails at once; the UNIQUE index still settles a race.
  if (cachedStatement(db, "SELECT 1 FROM users WHERE username = ?").get(username)) throw duplicate(username);
  const passwordHash = await hashPassword(password);

  const insert = db.transaction(() => {
    const user = toUser(
      cachedStatement(
        db,
        `INSERT INTO users (username, password_hash, role, created_at) VALUES (?, ?, ?, ?) RETURNING ${userColumns}`,
      ).get(username, passwordHash, role, new Date().toISOString()),
    );
    recordAudit(db, {
      actor,
      action: "user-created",
      target: user.username,
      address,
      detail: `role: ${role}`,
    });
    return user;
  });
  try {
    return insert.immediate();
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate(username);
    throw error;
  }
}
