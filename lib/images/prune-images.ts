import "server-only";
import type { Caller } from "@/lib/actions/track-action";
import { getDatabase } from "@/lib/db/database";
import type { HistoryTables } from "@/lib/history/db/history-table";
import { recordHistory } from "@/lib/history/db/record-history";
import { updateHistory } from "@/lib/history/db/update-history";
import { toWharfError } from "@/lib/docker/engine-error";
import { removeImage } from "@/lib/docker/list-images";
import { findHost } from "@/lib/docker/load-fleet";
import { formatBytes } from "@/lib/stats/format-usage";
import { isPrunable } from "./build-image-rows";
import { listHostImages } from "./list-host-images";
import type { PrunePreview, PruneResult } from "./types";

/** The dry run: every image a prune would remove now, and the space they take. */
export async function previewPrune(hostId: string): Promise<PrunePreview> {
  const { images } = await listHostImages(hostId);
  const going = images.filter(isPrunable);
  return { hostId, images: going, bytes: going.reduce((sum, row) => sum + row.size, 0) };
}

/**
 * Removes the images `ids` names (a preview's), each only if it is still unused and no rollback needs it: an
 * image a container started using since the preview, or a redeploy made a rollback's, stays. The prune is one
 * history row, written before the first removal so a process killed midway still leaves its trace.
 */
export async function pruneImages(hostId: string, ids: string[], caller: Caller): Promise<PruneResult> {
  const host = findHost(hostId);
  const started = Date.now();
  const db = await getDatabase<HistoryTables>();
  const entry = await recordHistory(db, {
    at: new Date(started).toISOString(),
    actor: caller.actor,
    source: caller.source,
    action: "prune",
    hostId,
    containerName: "",
    detail: `${ids.length} image${ids.length === 1 ? "" : "s"} previewed`,
  });
  const result: PruneResult = { hostId, images: [], bytes: 0, skipped: [], historyId: entry.id };
  try {
    const { images } = await listHostImages(hostId);
    for (const id of new Set(ids)) {
      const row = images.find((image) => image.id === id);
      const skip = (reason: string) => result.skipped.push({ id, repoTags: row?.repoTags ?? [], reason });
      if (!row) skip("no longer on the host");
      else if (!row.unused) skip(`used by ${row.containers.map((c) => c.name).join(", ")}`);
      else if (!isPrunable(row)) skip(`kept for the rollback of ${row.rollbackFor.join(", ")}`);
      else {
        try {
          await removeImage(host, row.id, row.repoTags);
          result.images.push(row);
          result.bytes += row.size;
        } catch (error) {
          skip(toWharfError(error, host).message);
        }
      }
    }
  } catch (error) {
    const failure = toWharfError(error, host);
    await updateHistory(db, entry.id, {
      outcome: "failed",
      error: failure.message,
      durationMs: Date.now() - started,
    });
    throw failure;
  }
  await updateHistory(db, entry.id, {
    outcome: result.images.length > 0 ? "succeeded" : "no-change",
    durationMs: Date.now() - started,
    detail: describePrune(result),
  });
  return result;
}

function describePrune(result: PruneResult): string {
  const names = (tags: string[], id: string) => (tags.length ? tags.join(", ") : id.slice(7, 19));
  const removed = result.images.map((row) => names(row.repoTags, row.id));
  const parts = [
    `removed ${removed.length} image${removed.length === 1 ? "" : "s"} (${formatBytes(result.bytes)})${removed.length ? `: ${removed.join("; ")}` : ""}`,
  ];
  if (result.skipped.length > 0)
    parts.push(`kept ${result.skipped.map((s) => `${names(s.repoTags, s.id)} (${s.reason})`).join("; ")}`);
  return parts.join("; ").slice(0, 4000);
}
