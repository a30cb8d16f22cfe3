import "server-only";
import type { Kysely } from "kysely";
import type { HistoryTables } from "./history-table";

/**
 * The images a rollback would return to on a host: for each container, the image before its newest successful
 * redeploy or rollback (as findRollbackSource reads it). A prune keeps these.
 */
export async function listRollbackImages(
  db: Kysely<HistoryTables>,
  hostId: string,
): Promise<{ containerName: string; imageId: string }[]> {
  const rows = await db
    .selectFrom((sub) =>
      sub
        .selectFrom("deploy_history")
        .select((eb) => [
          "container_name",
          "image_id_before",
          eb.fn
            .agg<number>("row_number")
            .over((over) => over.partitionBy("container_name").orderBy("at", "desc").orderBy("id", "desc"))
            .as("newest"),
        ])
        .where("host_id", "=", hostId)
        .where("action", "in", ["redeploy", "rollback"])
        .where("outcome", "=", "succeeded")
        .where("image_id_before", "is not", null)
        .whereRef("image_id_before", "!=", "image_id_after")
        .as("deploys"),
    )
    .select(["container_name", "image_id_before"])
    .where("newest", "=", 1)
    .execute();
  return rows.map((row) => ({ containerName: row.container_name, imageId: row.image_id_before! }));
}
