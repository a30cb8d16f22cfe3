import "server-only";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { LastExit } from "../../types";
import type { FleetTables } from "./exit-table";

const exitRowSchema = z
  .object({
    container_id: z.string(),
    code: z.number().int(),
    oom: z.number().int(),
    cause: z.enum(["crash", "oom", "stopped", "killed", "clean"]).nullable(),
    at: z.string(),
  })
  .strict();

/** The last death Wharf saw of each container of a host, by container id, as earlier runs of Wharf left them. */
export async function readContainerExits(
  db: Kysely<FleetTables>,
  hostId: string,
): Promise<Map<string, LastExit>> {
  const rows = await db
    .selectFrom("container_exits")
    .select(["container_id", "code", "oom", "cause", "at"])
    .where("host_id", "=", hostId)
    .execute();
  return new Map(
    rows.map((raw) => {
      const row = exitRowSchema.parse(raw);
      return [row.container_id, { code: row.code, oom: row.oom === 1, cause: row.cause, at: row.at }];
    }),
  );
}
