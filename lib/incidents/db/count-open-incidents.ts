import "server-only";
import type { Kysely } from "kysely";
import type { IncidentTables } from "./incident-table";

export type OpenIncidentCount = { hostId: string; kind: string; count: number };

/** Open incidents per host and kind: few rows, whatever the history holds (the partial index on open incidents serves it). */
export async function countOpenIncidents(db: Kysely<IncidentTables>): Promise<OpenIncidentCount[]> {
  return db
    .selectFrom("incidents")
    .select((eb) => ["host_id as hostId", "kind", eb.fn.countAll<number>().as("count")])
    .where("ended_at", "is", null)
    .groupBy(["host_id", "kind"])
    .orderBy("host_id")
    .orderBy("kind")
    .execute();
}
