import "server-only";
import type { HistoryAction, HistoryEntry, Outcome, Source } from "@/lib/actions/types";
import { commitUrl } from "@/lib/core/image-provenance";
import type { ImageProvenance } from "@/lib/fleet/types";

export const historyColumns = `id, at, actor, source, action, host_id, container_name, container_id_before, container_id_after,
  image_ref, image_id_before, image_id_after, digest_before, digest_after, config_diff, outcome, error, duration_ms, crashed_after, detail, project, service, provenance_before, provenance_after, steps, image_ref_before`;

export type HistoryRow = {
  id: number;
  at: string;
  actor: string;
  source: string;
  action: string;
  host_id: string;
  container_name: string;
  container_id_before: string | null;
  container_id_after: string | null;
  image_ref: string | null;
  image_id_before: string | null;
  image_id_after: string | null;
  digest_before: string | null;
  digest_after: string | null;
  config_diff: string;
  outcome: string | null;
  error: string | null;
  duration_ms: number | null;
  crashed_after: number | null;
  detail: string | null;
  project: string | null;
  service: string | null;
  provenance_before: string | null;
  provenance_after: string | null;
  steps: string;
  image_ref_before: string | null;
};

export function toHistoryEntry(row: unknown): HistoryEntry {
  const r = row as HistoryRow;
  return {
    id: r.id,
    at: r.at,
    actor: r.actor,
    source: r.source as Source,
    action: r.action as HistoryAction,
    hostId: r.host_id,
    containerName: r.container_name,
    containerIdBefore: r.container_id_before,
    containerIdAfter: r.container_id_after,
    imageRefBefore: r.image_ref_before,
    imageRef: r.image_ref,
    imageIdBefore: r.image_id_before,
    imageIdAfter: r.image_id_after,
    digestBefore: r.digest_before,
    digestAfter: r.digest_after,
    configDiff: JSON.parse(r.config_diff),
    outcome: r.outcome as Outcome | null,
    error: r.error,
    durationMs: r.duration_ms,
    crashedAfter: r.crashed_after === null ? null : r.crashed_after === 1,
    detail: r.detail,
    project: r.project,
    service: r.service,
    provenanceBefore: fromProvenanceJson(r.provenance_before),
    provenanceAfter: fromProvenanceJson(r.provenance_after),
    steps: JSON.parse(r.steps),
    // Filled in by the reads that show it (lib/db/link-deploy-incidents.ts): a row just written has none yet.
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

/** camelCase patch field → column. */
export const historyColumnOf: Record<string, string> = {
  containerIdBefore: "container_id_before",
  containerIdAfter: "container_id_after",
  imageRefBefore: "image_ref_before",
  imageRef: "image_ref",
  imageIdBefore: "image_id_before",
  imageIdAfter: "image_id_after",
  digestBefore: "digest_before",
  digestAfter: "digest_after",
  configDiff: "config_diff",
  outcome: "outcome",
  error: "error",
  durationMs: "duration_ms",
  crashedAfter: "crashed_after",
  detail: "detail",
  provenanceBefore: "provenance_before",
  provenanceAfter: "provenance_after",
  steps: "steps",
};
