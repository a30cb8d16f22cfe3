import { csvLine } from "@/lib/core/csv";
import type { InventoryRow } from "./types";

const HEADER = [
  "kind",
  "name",
  "repository",
  "hostId",
  "label",
  "version",
  "revision",
  "digest",
  "imageId",
  "count",
  "running",
  "drift",
];

/** One line per row, host and image; the cells go through the shared CSV-injection guard (lib/core/csv.ts). */
export function inventoryCsv(rows: InventoryRow[]): string {
  const lines = [csvLine(HEADER)];
  for (const row of rows)
    for (const [hostId, versions] of Object.entries(row.cells))
      for (const v of versions)
        lines.push(
          csvLine([
            row.kind,
            row.name,
            row.repository,
            hostId,
            v.label,
            v.version,
            v.revision,
            v.digest,
            v.imageId,
            v.count,
            v.running,
            row.drift,
          ]),
        );
  return lines.join("");
}
