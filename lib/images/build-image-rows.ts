import type { ImageSummary, ImageUse } from "@/lib/docker/list-images";
import type { ImageRow } from "./types";

const VERSION_LABEL = "org.opencontainers.image.version";

/**
 * The host's images as rows: who uses each, whether it is dangling or unused, and which containers' rollback
 * needs it. Pure, for the list and the prune alike. Newest first, as `docker image ls`.
 */
export function buildImageRows(
  images: ImageSummary[],
  uses: ImageUse[],
  rollbackImages: { containerName: string; imageId: string }[],
): ImageRow[] {
  return images
    .map((image) => {
      const containers = uses
        .filter((use) => use.imageId === image.id)
        .map(({ name, state }) => ({ name, state }))
        .sort((a, b) => a.name.localeCompare(b.name));
      return {
        id: image.id,
        repoTags: [...image.repoTags].sort(),
        repoDigests: image.repoDigests,
        size: image.size,
        created: new Date(image.created * 1000).toISOString(),
        version: image.labels[VERSION_LABEL]?.trim() || null,
        containers,
        dangling: image.repoTags.length === 0,
        unused: containers.length === 0,
        rollbackFor: rollbackImages
          .filter((kept) => kept.imageId === image.id)
          .map((kept) => kept.containerName)
          .sort(),
      };
    })
    .sort((a, b) => b.created.localeCompare(a.created) || a.id.localeCompare(b.id));
}

/** What a prune may remove: unused, and no container's rollback needs it. */
export function isPrunable(row: ImageRow): boolean {
  return row.unused && row.rollbackFor.length === 0;
}
