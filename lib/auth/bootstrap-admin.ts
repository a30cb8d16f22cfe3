import "server-only";
import { WharfError } from "@/lib/core/errors";
import type { Kysely } from "kysely";
import { createUser } from "./create-user";
import type { AuthTables } from "./db/auth-tables";
import { countUsers } from "./db/count-users";
import type { User } from "./types";

export const BOOTSTRAP_USERNAME = "admin";

export type BootstrapResult =
  { created: true; user: User } | { created: false; reason: "no-password" | "users-exist" };

/**
 * Creates the first admin from WHARF_ADMIN_PASSWORD, once: only while no user exists, so changing or leaving
 * the variable set later does nothing. There is no default password: without the variable (and without
 * `npm run user:add`) nobody can sign in, which is the safe way to fail. A password shorter than 12 characters
 * throws VALIDATION naming WHARF_ADMIN_PASSWORD rather than being quietly ignored.
 */
export async function bootstrapAdmin(
  db: Kysely<AuthTables>,
  env: Record<string, string | undefined> = process.env,
): Promise<BootstrapResult> {
  const password = env.WHARF_ADMIN_PASSWORD;
  if (!password) return { created: false, reason: "no-password" };
  if ((await countUsers(db)) > 0) return { created: false, reason: "users-exist" };
  try {
    const user = await createUser(db, { username: BOOTSTRAP_USERNAME, password, role: "admin" }, "bootstrap");
    return { created: true, user };
  } catch (error) {
    // Another process starting at the same moment created it first.
    if (error instanceof WharfError && error.code === "CONFLICT")
      return { created: false, reason: "users-exist" };
    if (error instanceof WharfError && error.code === "VALIDATION") {
      throw new WharfError(
        "VALIDATION",
        `WHARF_ADMIN_PASSWORD: ${error.message.replace(/^password: /, "")}`,
        error.details,
      );
    }
    throw error;
  }
}
