import "server-only";
import type { Kysely } from "kysely";
import type { LiveFleetTables } from "./host-cursor-table";

export async function saveHostCursor(db: Kysely<LiveFleetTables>, hostId: string, ms: number): Promise<void> {
  await db
    .insertInto("host_cursors")
    .values({ host_id: hostId, last_event_ms: ms })
    .onConflict((oc) =>
      oc.column("host_id").doUpdateSet((eb) => ({ last_event_ms: eb.ref("excluded.last_event_ms") })),
    )
    .execute();
}
