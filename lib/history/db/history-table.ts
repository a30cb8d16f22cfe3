import "server-only";
import type { Generated, Selectable } from "kysely";
import { commitUrl, type ImageProvenance } from "@/lib/core/image-provenance";
import type { HistoryAction, HistoryEntry, Outcome, Source } from "@/lib/history/types";

/**
 * deploy_history: one row per action on a container, Wharf's own and those seen made outside it. Times are ISO
 * 8601 text and JSON is text on both dialects, so both hand the code the same values.
 */
export type DeployHistoryTable = {
  id: Generated<number>;
  at: string;
  actor: string;
  source: Source;
  action: HistoryAction;
  host_id: string;
  container_name: string;
  container_id_before: string | null;
  container_id_after: string | null;
  image_ref: string | null;
  image_id_before: string | null;
  image_id_after: string | null;
  digest_before: string | null;
  digest_after: string | null;
  config_diff: Generated<string>;
  outcome: Outcome | null;
  error: string | null;
  duration_ms: number | null;
  /** 1: a crash followed within 10 minutes; 0: it held; null: not known yet. */
  crashed_after: number | null;
  detail: string | null;
  project: string | null;
  service: string | null;
  provenance_before: string | null;
  provenance_after: string | null;
  steps: Generated<string>;
  image_ref_before: string | null;
};

/** deploy_journal: where a redeploy stands, so a restarted Wharf can finish or undo it. */
export type DeployJournalTable = {
  history_id: number;
  host_id: string;
  container_name: string;
  old_id: string;
  aside_name: string;
  old_was_running: number;
  new_id: string | null;
  step: string;
  updated_at: string;
};

/** The tables history owns; lib/startup/database.ts composes every feature's into the whole database. */
export type HistoryTables = { deploy_history: DeployHistoryTable; deploy_journal: DeployJournalTable };

export const historyColumns = [
  "id",
  "at",
  "actor",
  "source",
  "action",
  "host_id",
  "container_name",
  "container_id_before",
  "container_id_after",
  "image_ref",
  "image_id_before",
  "image_id_after",
  "digest_before",
  "digest_after",
  "config_diff",
  "outcome",
  "error",
  "duration_ms",
  "crashed_after",
  "detail",
  "project",
  "service",
  "provenance_before",
  "provenance_after",
  "steps",
  "image_ref_before",
] as const satisfies readonly (keyof DeployHistoryTable)[];

export function toHistoryEntry(row: Selectable<DeployHistoryTable>): HistoryEntry {
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    source: row.source,
    action: row.action,
    hostId: row.host_id,
    containerName: row.container_name,
    containerIdBefore: row.container_id_before,
    containerIdAfter: row.container_id_after,
    imageRefBefore: row.image_ref_before,
    imageRef: row.image_ref,
    imageIdBefore: row.image_id_before,
    imageIdAfter: row.image_id_after,
    digestBefore: row.digest_before,
    digestAfter: row.digest_after,
    configDiff: JSON.parse(row.config_diff),
    outcome: row.outcome,
    error: row.error,
    durationMs: row.duration_ms,
    crashedAfter: row.crashed_after === null ? null : row.crashed_after === 1,
    detail: row.detail,
    project: row.project,
    service: row.service,
    provenanceBefore: fromProvenanceJson(row.provenance_before),
    provenanceAfter: fromProvenanceJson(row.provenance_after),
    steps: JSON.parse(row.steps),
    // Filled in by the reads that show it (link-deploy-incidents.ts): a row just written has none yet.
    incidentIds: [],
  };
}

/** Stored without its commit link: that is derived, and a better forge rule then applies to old rows too. */
export function toProvenanceJson(provenance: ImageProvenance | null | undefined): string | null {
  if (!provenance) return null;
  const { version, revision, source, created, digest } = provenance;
  return JSON.stringify({ version, revision, source, created, digest });
}

function fromProvenanceJson(json: string | null): ImageProvenance | null {
  if (json === null) return null;
  const stored = JSON.parse(json) as Omit<ImageProvenance, "commitUrl">;
  return { ...stored, commitUrl: commitUrl(stored.source, stored.revision) };
}
