import "server-only";
import type { Kysely } from "kysely";
import type { AuthTables } from "./auth-tables";

/** Sessions that can never come back: revoked, past their expiry, or idle since before `idleSince`. */
export async function deleteDeadSessions(
  db: Kysely<AuthTables>,
  { now, idleSince }: { now: string; idleSince: string },
): Promise<void> {
  await db
    .deleteFrom("sessions")
    .where((eb) =>
      eb.or([
        eb("revoked_at", "is not", null),
        eb("expires_at", "<=", now),
        eb("last_seen_at", "<", idleSince),
      ]),
    )
    .execute();
}
