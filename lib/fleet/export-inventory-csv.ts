import "server-only";
import { inventoryCsv } from "./inventory-csv";
import type { Visibility } from "./fleet-targets";
import { listInventory } from "./list-inventory";

export async function exportInventoryCsv(view?: Visibility): Promise<Response> {
  const { rows } = await listInventory(view);
  return new Response(inventoryCsv(rows), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="wharf-inventory.csv"',
      "cache-control": "no-store",
    },
  });
}
