import "server-only";
import type { Kysely } from "kysely";
import type { HistoryEntry, NewHistoryEntry } from "@/lib/history/types";
import { historyColumns, toHistoryEntry, toProvenanceJson, type HistoryTables } from "./history-table";

/** Writes the history row when an action starts, so even a process killed mid-action leaves its trace. */
export async function recordHistory(
  db: Kysely<HistoryTables>,
  entry: NewHistoryEntry,
): Promise<HistoryEntry> {
  const row = await db
    .insertInto("deploy_history")
    .values({
      at: entry.at,
      actor: entry.actor,
      source: entry.source,
      action: entry.action,
      host_id: entry.hostId,
      container_name: entry.containerName,
      container_id_before: entry.containerIdBefore ?? null,
      image_ref: entry.imageRef ?? null,
      image_id_before: entry.imageIdBefore ?? null,
      digest_before: entry.digestBefore ?? null,
      detail: entry.detail ?? null,
      project: entry.project ?? null,
      service: entry.service ?? null,
      provenance_before: toProvenanceJson(entry.provenanceBefore),
      provenance_after: toProvenanceJson(entry.provenanceAfter),
      image_ref_before: entry.imageRefBefore ?? null,
      // Filled in when the action ends: null until then ("running").
      container_id_after: null,
      image_id_after: null,
      digest_after: null,
      outcome: null,
      error: null,
      duration_ms: null,
      crashed_after: null,
    })
    .returning(historyColumns)
    .executeTakeFirstOrThrow();
  return toHistoryEntry(row);
}
