import "server-only";
import { authDatabase } from "./auth-database";
import { bootstrapAdmin } from "./bootstrap-admin";
import { countUsers } from "./db/count-users";

/**
 * First start: WHARF_ADMIN_PASSWORD creates the admin when no user exists (there is no default password), on
 * SQLite and PostgreSQL alike; says on the console what happened, or what to do when nobody can sign in yet.
 */
export async function bootstrapAtStartup(): Promise<void> {
  const db = await authDatabase();
  const bootstrap = await bootstrapAdmin(db);
  if (bootstrap.created)
    console.log(`[wharf] created the admin user "${bootstrap.user.username}" from WHARF_ADMIN_PASSWORD`);
  else if (bootstrap.reason === "no-password" && (await countUsers(db)) === 0) {
    console.log(
      "[wharf] no users yet: set WHARF_ADMIN_PASSWORD, or run `npm run user:add -- --username NAME --role admin`",
    );
  }
}
