// Plain types only: the images page reads these too.

/** A container that uses an image, as `docker ps -a` lists it. */
export type ImageUser = { name: string; state: string };

/** One image of a host, as `docker image ls` shows it, with who uses it. */
export type ImageRow = {
  id: string;
  /** repository:tag, none for a dangling image. */
  repoTags: string[];
  repoDigests: string[];
  size: number;
  /** ISO 8601 UTC. */
  created: string;
  /** The image's org.opencontainers.image.version label. */
  version: string | null;
  containers: ImageUser[];
  /** No tag at all (a build's or a pull's leftover). */
  dangling: boolean;
  /** No container, running or stopped, was created from it. */
  unused: boolean;
  /** Containers whose rollback would return to this image: a prune keeps it. */
  rollbackFor: string[];
};

export type HostImages = { hostId: string; images: ImageRow[]; totalSize: number };

/** What a prune would remove (dry run), or removed. `bytes` adds up the images' sizes: at most what is freed. */
export type PrunePreview = { hostId: string; images: ImageRow[]; bytes: number };

export type PruneResult = PrunePreview & {
  /** Previewed images left in place, and why (used again since, kept for a rollback, refused by the engine). */
  skipped: { id: string; repoTags: string[]; reason: string }[];
  historyId: number;
};
