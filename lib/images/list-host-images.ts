import "server-only";
import { getDatabase } from "@/lib/db/database";
import type { HistoryTables } from "@/lib/history/db/history-table";
import { listRollbackImages } from "@/lib/history/db/list-rollback-images";
import { toWharfError } from "@/lib/docker/engine-error";
import { listImageUses, listImages } from "@/lib/docker/list-images";
import { findHost } from "@/lib/docker/load-fleet";
import { withDeadline } from "@/lib/docker/with-deadline";
import { buildImageRows } from "./build-image-rows";
import type { HostImages } from "./types";

/** GET /api/hosts/{hostId}/images: the host's images, who uses each, and which a rollback needs. */
export async function listHostImages(hostId: string): Promise<HostImages> {
  const host = findHost(hostId);
  const [images, uses] = await withDeadline(
    (signal) => Promise.all([listImages(host, signal), listImageUses(host, signal)]),
    // A host with thousands of images answers its list slower than a ping.
    Math.max(host.timeoutMs, 10_000),
  ).catch((error) => {
    throw toWharfError(error, host);
  });
  const rows = buildImageRows(
    images,
    uses,
    await listRollbackImages(await getDatabase<HistoryTables>(), hostId),
  );
  return { hostId, images: rows, totalSize: rows.reduce((sum, row) => sum + row.size, 0) };
}
