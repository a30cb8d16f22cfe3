import "server-only";
import { inventoryCsv } from "./inventory-csv";
import { listInventory } from "./list-inventory";

export async function exportInventoryCsv(): Promise<Response> {
  const { rows } = await listInventory();
  return new Response(inventoryCsv(rows), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="wharf-inventory.csv"',
      "cache-control": "no-store",
    },
  });
}
