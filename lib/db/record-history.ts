import "server-only";
import type { HistoryEntry, NewHistoryEntry } from "@/lib/actions/types";
import { cachedStatement } from "./cached-statement";
import type { Db } from "./db";
import { historyColumns, toHistoryEntry, toProvenanceJson } from "./history-row";

/** Writes the history row when an action starts, so even a process killed mid-action leaves its trace. */
export function recordHistory(db: Db, entry: NewHistoryEntry): HistoryEntry {
  const row = cachedStatement(
    db,
    `INSERT INTO deploy_history (at, actor, source, action, host_id, container_name, container_id_before, image_ref,
       image_id_before, digest_before, detail, project, service, provenance_before, provenance_after,
       image_ref_before)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     RETURNING ${historyColumns}`,
  ).get(
    entry.at,
    entry.actor,
    entry.source,
    entry.action,
    entry.hostId,
    entry.containerName,
    entry.containerIdBefore ?? null,
    entry.imageRef ?? null,
    entry.imageIdBefore ?? null,
    entry.digestBefore ?? null,
    entry.detail ?? null,
    entry.project ?? null,
    entry.service ?? null,
    toProvenanceJson(entry.provenanceBefore),
    toProvenanceJson(entry.provenanceAfter),
    entry.imageRefBefore ?? null,
  );
  return toHistoryEntry(row);
}
