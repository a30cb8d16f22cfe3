import "server-only";
import { buildInventory } from "./build-inventory";
import { getLiveFleet } from "./live/get-live-fleet";
import type { InventoryResponse } from "./types";

/** What runs where, from the live state: no engine round-trip per request. A host that is down shows its last known rows. */
export async function listInventory(): Promise<InventoryResponse> {
  const { store } = getLiveFleet();
  const hostIds = store.hostIds();
  await store.ready(hostIds);
  return {
    hosts: hostIds.map((id) => store.availability(id)),
    rows: buildInventory(hostIds.flatMap((id) => store.rows(id))),
  };
}
