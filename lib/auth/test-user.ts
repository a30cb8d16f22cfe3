import type { Db } from "@/lib/db/db";
import { hashPassword } from "./hash-password";
import type { Role, User } from "./types";
import { toUser, userColumns } from "./user-row";

export const TEST_PASSWORD = "correct horse battery";

// Cheap scrypt so a test can sign in dozens of times; the stored hash says which cost to verify with.
const cheap = { N: 2 ** 10, r: 8, p: 1, keyLength: 32, saltLength: 16 };

/** Inserts a user directly, skipping validation and the audit log; override only what a test is about. */
export async function insertTestUser(
  db: Db,
  {
    username = "alice",
    password = TEST_PASSWORD,
    role = "admin",
    disabled = false,
  }: { username?: string; password?: string; role?: Role; disabled?: boolean } = {},
): Promise<User> {
  const row = db
    .prepare(
      `INSERT INTO users (username, password_hash, role, created_at, disabled_at) VALUES (?, ?, ?, ?, ?) RETURNING ${userColumns}`,
    )
    .get(
      username,
      await hashPassword(password, cheap),
      role,
      "2025-03-01T10:00:00.000Z",
      disabled ? "2025-03-01T11:00:00.000Z" : null,
    );
  return toUser(row);
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
