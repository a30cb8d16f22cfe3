import type { Kysely } from "kysely";
import type { AuthTables } from "./db/auth-tables";
import { insertUser } from "./db/insert-user";
import { hashPassword } from "./hash-password";
import type { Role, User } from "./types";

export const TEST_PASSWORD = "correct horse battery";

// Cheap scrypt so a test can sign in dozens of times; the stored hash says which cost to verify with.
const cheap = { N: 2 ** 10, r: 8, p: 1, keyLength: 32, saltLength: 16 };

/** Inserts a user directly, skipping validation and the audit log; override only what a test is about. */
export async function insertTestUser(
  db: Kysely<AuthTables>,
  {
    username = "alice",
    password = TEST_PASSWORD,
    role = "admin",
    disabled = false,
  }: { username?: string; password?: string; role?: Role; disabled?: boolean } = {},
): Promise<User> {
  return insertUser(db, {
    username,
    passwordHash: await hashPassword(password, cheap),
    role,
    createdAt: "2025-03-01T10:00:00.000Z",
    disabledAt: disabled ? "2025-03-01T11:00:00.000Z" : null,
  });
}

/** A hand-turned clock for the functions that take `now`. */
export function testClock(start = Date.parse("2025-03-01T12:00:00.000Z")) {
  let at = start;
  const now = () => at;
  return Object.assign(now, {
    advance: (ms: number) => void (at += ms),
    set: (ms: number) => void (at = ms),
  });
}

/** Empties auth's tables between the tests of a file sharing one database (ids keep counting up). */
export async function emptyAuthTables(db: Kysely<AuthTables>): Promise<void> {
  for (const table of [
    "grants",
    "team_members",
    "teams",
    "audit_log",
    "login_failures",
    "sessions",
    "api_tokens",
    "users",
  ] as const)
    await db.deleteFrom(table).execute();
}
