import "server-only";
import { getDb } from "@/lib/db/db";
import { listIncidents } from "@/lib/db/list-incidents";
import type { FleetStore } from "./fleet-store";
import type { FleetSnapshot } from "./messages";

/** Everything a live client starts from: hosts, containers, and the open incidents. */
export function buildSnapshot(store: FleetStore): FleetSnapshot {
  const hostIds = store.hostIds();
  return {
    hosts: hostIds.map((id) => store.summary(id)),
    containers: hostIds.flatMap((id) => store.rows(id)),
    incidents: listIncidents(getDb(), { open: true, limit: 1000 }),
  };
}
