/** How a rollback names the image it returns to, best first (docs/api.md, rollback). */
export type RollbackReferenceKind = "reference" | "digest" | "image-id";
export type RollbackReference = { reference: string; kind: RollbackReferenceKind };

const IMAGE_ID = /^(sha256:)?[0-9a-f]{12,64}$/;

/**
 * The reference a rollback creates its container from, so that `docker ps` and the next pull mean what they
 * say, without touching a tag: the container's previous reference when it still names the previous image on
 * the host (`refImageId`: what it names there now, null when nothing), else a digest of that repository the
 * image carries, else the image id itself.
 */
export function chooseRollbackReference(
  previousRef: string | null,
  image: { Id: string; RepoDigests?: string[] | null },
  refImageId: string | null,
): RollbackReference {
  if (previousRef && IMAGE_ID.test(previousRef)) return { reference: image.Id, kind: "image-id" };
  if (previousRef && refImageId === image.Id) return { reference: previousRef, kind: "reference" };
  if (previousRef) {
    const repository = familiar(previousRef.replace(/@.*$/, "").replace(/:[^/:]+$/, ""));
    const digest = (image.RepoDigests ?? []).find(
      (entry) => familiar(entry.slice(0, entry.indexOf("@"))) === repository,
    );
    // Written with the repository as the container had it, so its registry and name read the same.
    if (digest)
      return { reference: `${stripTag(previousRef)}${digest.slice(digest.indexOf("@"))}`, kind: "digest" };
  }
  return { reference: image.Id, kind: "image-id" };
}

function stripTag(reference: string): string {
  return reference.replace(/@.*$/, "").replace(/:[^/:]+$/, "");
}

/** Docker Hub's names as the engine lists them in RepoDigests: `busybox`, not `docker.io/library/busybox`. */
function familiar(repository: string): string {
  return repository.replace(/^(docker\.io|index\.docker\.io)\//, "").replace(/^library\//, "");
}
