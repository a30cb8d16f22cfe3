import "server-only";
import { authDatabase } from "./auth-database";
import { countUsers } from "./db/count-users";

/** Public: lets the sign-in page tell a fresh install how to create its first admin. Says nothing else. */
export async function setupStatus(): Promise<{ usersExist: boolean }> {
  return { usersExist: (await countUsers(await authDatabase())) > 0 };
}
