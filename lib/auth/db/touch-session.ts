import "server-only";
import type { Kysely } from "kysely";
import type { AuthTables } from "./auth-tables";

/** Moves a session's last use on: its idle timeout counts from here. */
export async function touchSession(db: Kysely<AuthTables>, id: number, at: string): Promise<void> {
  await db.updateTable("sessions").set({ last_seen_at: at }).where("id", "=", id).execute();
}
