import "server-only";
import type { Kysely } from "kysely";
import { WharfError } from "@/lib/core/errors";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import type { AuthTables } from "./db/auth-tables";
import { findUserByName } from "./db/find-user-by-name";
import { insertUser } from "./db/insert-user";
import { recordAudit } from "./db/record-audit";
import { hashPassword } from "./hash-password";
import { parseInput } from "./parse-input";
import { newUserSchema, type NewUser } from "./schemas";
import type { User } from "./types";

const duplicate = (username: string) =>
  new WharfError("CONFLICT", `A user named "${username}" already exists`);

/** Throws VALIDATION naming the field (password shorter than 12, username not a slug) or CONFLICT for a taken name. */
export async function createUser(
  db: Kysely<AuthTables>,
  input: NewUser,
  actor: string,
  address?: string,
): Promise<User> {
  const { username, password, role } = parseInput(newUserSchema, input);
  // Checked before the slow hash so a taken name fails at once; the unique index still settles a race.
  if (await findUserByName(db, username)) throw duplicate(username);
  const passwordHash = await hashPassword(password);

  try {
    return await db.transaction().execute(async (trx) => {
      const user = await insertUser(trx, {
        username,
        passwordHash,
        role,
        createdAt: new Date().toISOString(),
      });
      const detail = `role: ${role}`;
      await recordAudit(trx, { actor, action: "user-created", target: user.username, address, detail });
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate(username);
    throw error;
  }
}
