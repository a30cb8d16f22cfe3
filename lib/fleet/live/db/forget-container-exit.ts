import "server-only";
import type { Kysely } from "kysely";
import type { FleetTables } from "./exit-table";

export async function forgetContainerExit(
  db: Kysely<FleetTables>,
  hostId: string,
  containerId: string,
): Promise<void> {
  await db
    .deleteFrom("container_exits")
    .where("host_id", "=", hostId)
    .where("container_id", "=", containerId)
    .execute();
}
