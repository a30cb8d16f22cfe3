import "server-only";
import type { Kysely, Updateable } from "kysely";
import { WharfError } from "@/lib/core/errors";
import type { HistoryEntry, HistoryPatch } from "@/lib/history/types";
import {
  historyColumns,
  toHistoryEntry,
  toProvenanceJson,
  type DeployHistoryTable,
  type HistoryTables,
} from "./history-table";

/** Settles (or amends) a row; a patch with nothing in it reads the row back. NOT_FOUND for an unknown id. */
export async function updateHistory(
  db: Kysely<HistoryTables>,
  id: number,
  patch: HistoryPatch,
): Promise<HistoryEntry> {
  const set = toColumns(patch);
  const row =
    Object.keys(set).length > 0
      ? await db
          .updateTable("deploy_history")
          .set(set)
          .where("id", "=", id)
          .returning(historyColumns)
          .executeTakeFirst()
      : await db.selectFrom("deploy_history").select(historyColumns).where("id", "=", id).executeTakeFirst();
  if (row === undefined) throw new WharfError("NOT_FOUND", `History entry ${id} not found`);
  return toHistoryEntry(row);
}

/** camelCase patch → columns; a field left undefined is left as it is. */
function toColumns(patch: HistoryPatch): Updateable<DeployHistoryTable> {
  const set: Updateable<DeployHistoryTable> = {
    container_id_before: patch.containerIdBefore,
    container_id_after: patch.containerIdAfter,
    image_ref_before: patch.imageRefBefore,
    image_ref: patch.imageRef,
    image_id_before: patch.imageIdBefore,
    image_id_after: patch.imageIdAfter,
    digest_before: patch.digestBefore,
    digest_after: patch.digestAfter,
    config_diff: patch.configDiff === undefined ? undefined : JSON.stringify(patch.configDiff),
    outcome: patch.outcome,
    error: patch.error,
    duration_ms: patch.durationMs,
    crashed_after:
      patch.crashedAfter === undefined
        ? undefined
        : patch.crashedAfter === null
          ? null
          : patch.crashedAfter
            ? 1
            : 0,
    detail: patch.detail,
    provenance_before:
      patch.provenanceBefore === undefined ? undefined : toProvenanceJson(patch.provenanceBefore),
    provenance_after:
      patch.provenanceAfter === undefined ? undefined : toProvenanceJson(patch.provenanceAfter),
    steps: patch.steps === undefined ? undefined : JSON.stringify(patch.steps),
  };
  return Object.fromEntries(Object.entries(set).filter(([, value]) => value !== undefined));
}
