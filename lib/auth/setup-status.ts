import "server-only";
import { countUsers } from "@/lib/auth/count-users";
import { getDb } from "@/lib/db/db";

/** Public: lets the sign-in page tell a fresh install how to create its first admin. Says nothing else. */
export function setupStatus(): { usersExist: boolean } {
  return { usersExist: countUsers(getDb()) > 0 };
}
