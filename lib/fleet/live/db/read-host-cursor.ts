import "server-only";
import type { Kysely } from "kysely";
import type { LiveFleetTables } from "./host-cursor-table";

/** Where the Wharf before this one stopped reading a host's events; null on a first start. */
export async function readHostCursor(db: Kysely<LiveFleetTables>, hostId: string): Promise<number | null> {
  const row = await db
    .selectFrom("host_cursors")
    .select("last_event_ms")
    .where("host_id", "=", hostId)
    .executeTakeFirst();
  return row?.last_event_ms ?? null;
}
