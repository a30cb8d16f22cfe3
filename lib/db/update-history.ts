import "server-only";
import type { HistoryEntry, HistoryPatch } from "@/lib/actions/types";
import { WharfError } from "@/lib/core/errors";
import type { Db } from "./db";
import { historyColumnOf, historyColumns, toHistoryEntry, toProvenanceJson } from "./history-row";
import type { ImageProvenance } from "@/lib/fleet/types";

export function updateHistory(db: Db, id: number, patch: HistoryPatch): HistoryEntry {
  const entries = Object.entries(patch).filter(([, value]) => value !== undefined);
  const sets = entries.map(([field]) => `${historyColumnOf[field]} = ?`);
  const values = entries.map(([field, value]) => {
    if (field === "configDiff" || field === "steps") return JSON.stringify(value);
    if (field === "crashedAfter") return value === null ? null : value ? 1 : 0;
    if (field === "provenanceBefore" || field === "provenanceAfter")
      return toProvenanceJson(value as ImageProvenance | null);
    return value;
  });
  const sql = sets.length
    ? `UPDATE deploy_history SET ${sets.join(", ")} WHERE id = ? RETURNING ${historyColumns}`
    : `SELECT ${historyColumns} FROM deploy_history WHERE id = ?`;
  const row = db.prepare(sql).get(...values, id);
  if (row === undefined) throw new WharfError("NOT_FOUND", `History entry ${id} not found`);
  return toHistoryEntry(row);
}
