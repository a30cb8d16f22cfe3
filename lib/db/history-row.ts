import "server-only";
import type { HistoryAction, HistoryEntry, Outcome, Source } from "@/lib/actions/types";

export const historyColumns = `id, at, actor, source, action, host_id, container_name, container_id_before, container_id_after,
  image_ref, image_id_before, image_id_after, digest_before, digest_after, config_diff, outcome, error, duration_ms, crashed_after, detail`;

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
  };
}

/** camelCase patch field → column. */
export const historyColumnOf: Record<string, string> = {
  containerIdBefore: "container_id_before",
  containerIdAfter: "container_id_after",
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
};
