import "server-only";
import type { Kysely } from "kysely";
import type { LastExit } from "../../types";
import type { FleetTables } from "./exit-table";

export async function saveContainerExit(
  db: Kysely<FleetTables>,
  hostId: string,
  containerId: string,
  exit: LastExit,
): Promise<void> {
  await db
    .insertInto("container_exits")
    .values({
      host_id: hostId,
      container_id: containerId,
      code: exit.code,
      oom: exit.oom ? 1 : 0,
      cause: exit.cause,
      at: exit.at,
    })
    .onConflict((oc) =>
      oc.columns(["host_id", "container_id"]).doUpdateSet((eb) => ({
        code: eb.ref("excluded.code"),
        oom: eb.ref("excluded.oom"),
        cause: eb.ref("excluded.cause"),
        at: eb.ref("excluded.at"),
      })),
    )
    .execute();
}
