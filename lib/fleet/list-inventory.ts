import "server-only";
import { buildInventory } from "./build-inventory";
import { FULL_VIEW, visibleRows, type Visibility } from "./fleet-targets";
import { getLiveFleet } from "./live/get-live-fleet";
import type { InventoryResponse } from "./types";

/**
 * What runs where, from the live state: no engine round-trip per request. A host that is down shows its last
 * known rows. A scoped caller's inventory is built from the containers it sees alone.
 */
export async function listInventory(view: Visibility = FULL_VIEW): Promise<InventoryResponse> {
  const { store } = getLiveFleet();
  const hostIds = store.hostIds().filter(view.reaches);
  await store.ready(hostIds);
  return {
    hosts: hostIds.map((id) => store.availability(id)),
    rows: buildInventory(hostIds.flatMap((id) => visibleRows(store.rows(id), view))),
  };
}
