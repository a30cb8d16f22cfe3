import "server-only";
import { imageOps } from "@/lib/docker/container-ops";
import type { Host } from "@/lib/docker/host-config";

/**
 * After a redeploy the old image has lost its tag and would be pruned as dangling. A tag of Wharf's own keeps
 * it for a rollback; the next redeploy of the same container moves that tag on, letting the older one go.
 */
export async function keepPreviousImage(
  host: Host,
  imageId: string,
  ref: string,
  containerName: string,
): Promise<void> {
  const repo = ref.replace(/@.*$/, "").replace(/:[^/:]+$/, "");
  await imageOps.tag(host, imageId, repo, previousTag(containerName)).catch(() => {});
}

export function previousTag(containerName: string): string {
  return `wharf-previous-${containerName}`.slice(0, 128);
}
