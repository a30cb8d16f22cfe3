// Pure and zod-free: the server enforces these rules and the redeploy dialog applies the same ones.
import { hasRole, type Role } from "@/lib/auth/types";

/** A Docker image reference, normalised as the engine reads it (`busybox` is `docker.io/library/busybox`). */
export type ImageReference = {
  registry: string;
  repository: string;
  tag: string | null;
  digest: string | null;
};

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^\w[\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[0-9a-fA-F]{32,}$/;
const IMAGE_ID = /^(sha256:)?[0-9a-f]{12,64}$/;
const DOCKER_HUB = "docker.io";

/** Parses a reference the way Docker's reference grammar does; null when it is not one. */
export function parseImageReference(reference: string): ImageReference | null {
  // A container created from an image id (as `redeploy` also tells) has no repository to speak of.
  if (IMAGE_ID.test(reference)) return null;
  const at = reference.indexOf("@");
  const digest = at < 0 ? null : reference.slice(at + 1);
  if (digest !== null && !DIGEST.test(digest)) return null;
  let name = at < 0 ? reference : reference.slice(0, at);
  const colon = name.lastIndexOf(":");
  let tag: string | null = null;
  if (colon > name.lastIndexOf("/")) {
    tag = name.slice(colon + 1);
    name = name.slice(0, colon);
    if (!TAG.test(tag)) return null;
  }
  const slash = name.indexOf("/");
  const first = slash < 0 ? "" : name.slice(0, slash);
  // As in Docker: the first part names a registry when it looks like a host (a dot, a port, or localhost).
  const hasRegistry =
    slash >= 0 && (/[.:]/.test(first) || first === "localhost" || first !== first.toLowerCase());
  let registry = hasRegistry ? first : DOCKER_HUB;
  let repository = hasRegistry ? name.slice(slash + 1) : name;
  if (registry === "index.docker.io") registry = DOCKER_HUB;
  if (registry === DOCKER_HUB && !repository.includes("/")) repository = `library/${repository}`;
  if (!/^[\w.-]+(?::\d+)?$/.test(registry) || !repository.split("/").every((part) => COMPONENT.test(part)))
    return null;
  return { registry, repository, tag, digest };
}

/** `registry/repository`, the part a tag or digest change keeps. */
export function repositoryOf(reference: ImageReference): string {
  return `${reference.registry}/${reference.repository}`;
}

/** The full normalised reference; without tag or digest Docker means `:latest`. */
export function formatReference(reference: ImageReference): string {
  const tag = reference.tag ?? (reference.digest ? null : "latest");
  return `${repositoryOf(reference)}${tag ? `:${tag}` : ""}${reference.digest ? `@${reference.digest}` : ""}`;
}

/**
 * The container's own reference, as written, moved to another tag (`v2`) or digest (`sha256:…`, `@sha256:…`).
 * Null when `tagOrDigest` is neither, or the container has no repository (it was created from an image id).
 */
export function withTagOrDigest(current: string, tagOrDigest: string): string | null {
  if (parseImageReference(current) === null) return null;
  const written = stripTagAndDigest(current);
  const wanted = tagOrDigest.trim().replace(/^[:@]/, "");
  if (DIGEST.test(wanted)) return `${written}@${wanted}`;
  return TAG.test(wanted) ? `${written}:${wanted}` : null;
}

/** The reference as written, without its tag and digest: what the dialog shows as fixed for an operator. */
export function stripTagAndDigest(reference: string): string {
  const name = reference.replace(/@.*$/, "");
  const colon = name.lastIndexOf(":");
  return colon > name.lastIndexOf("/") ? name.slice(0, colon) : name;
}

/**
 * A fleet file's `allowedImages` pattern against a reference: `*` stands for any characters (`/` included),
 * `?` for one. The reference is normalised first, so `127.0.0.1:5000/*` and `docker.io/library/busybox:*` mean
 * what they say whatever way the image was written.
 */
export function matchesImagePattern(pattern: string, reference: ImageReference): boolean {
  const source = pattern
    .split("")
    .map((char) => (char === "*" ? ".*" : char === "?" ? "." : char.replace(/[.+^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${source}$`).test(formatReference(reference));
}

export type ImageRuleInput = {
  hostId: string;
  container: string;
  /** The reference the container was created from (`Config.Image`). */
  current: string;
  /** The reference asked for; the container's own when the caller named none. */
  requested: string;
  role: Role;
  /** The host's `allowedImages` from the fleet file, when it has any. */
  allowedImages?: readonly string[];
};

/** A refusal in the API's terms: a reference that is not one, or a rule that forbids it. */
export type ImageRefusal = { code: "VALIDATION" | "FORBIDDEN"; message: string };

const forbidden = (message: string): ImageRefusal => ({ code: "FORBIDDEN", message });

/**
 * Why this redeploy is refused, or null. An operator may only move a container to another tag or digest of its
 * own repository: a container keeps its whole HostConfig (binds, privileges, the Docker socket) across a
 * redeploy, so choosing its image is choosing what runs with those rights, and that is an admin's call. A
 * host's `allowedImages` narrows every role, admins included.
 */
export function imageRefusal(input: ImageRuleInput): ImageRefusal | null {
  const requested = parseImageReference(input.requested);
  if (requested === null)
    return { code: "VALIDATION", message: `image: "${input.requested}" is not a valid image reference` };
  const subject = `"${input.container}" on host "${input.hostId}"`;
  if (!hasRole({ role: input.role }, "admin")) {
    const current = parseImageReference(input.current);
    if (current === null) {
      return forbidden(
        `Image rule: an operator may only move a container to another tag or digest of its own repository; ${subject} was created from an image id, so it has none. Another image needs the admin role`,
      );
    }
    if (repositoryOf(current) !== repositoryOf(requested)) {
      return forbidden(
        `Image rule: an operator may only move ${subject} to another tag or digest of its own repository (${repositoryOf(current)}); ${formatReference(requested)} is another repository, which needs the admin role`,
      );
    }
  }
  const allowed = input.allowedImages;
  if (allowed && allowed.length > 0 && !allowed.some((pattern) => matchesImagePattern(pattern, requested))) {
    return forbidden(
      `Host "${input.hostId}" allows only images matching its allowedImages (${allowed.join(", ")}); ${formatReference(requested)} matches none of them`,
    );
  }
  return null;
}

/**
 * Why a rollback is refused, or null: it is a redeploy onto the previous image, so the same rule holds for the
 * reference that image ran under (`requested`, from the deploy it returns from; null or an image id when it was
 * run by id, which has no repository an operator could keep to, nor one `allowedImages` could match).
 */
export function rollbackRefusal(input: Omit<ImageRuleInput, "requested"> & { requested: string | null }) {
  const subject = `"${input.container}" on host "${input.hostId}"`;
  const previous = input.requested === null ? null : parseImageReference(input.requested);
  if (previous === null || input.requested === null) {
    if (!hasRole({ role: input.role }, "admin")) {
      return forbidden(
        `Image rule: an operator may only roll ${subject} back to an image of its own repository; its previous image ran by image id, so that needs the admin role`,
      );
    }
    const allowed = input.allowedImages;
    if (allowed && allowed.length > 0) {
      return forbidden(
        `Host "${input.hostId}" allows only images matching its allowedImages (${allowed.join(", ")}); the previous image of ${subject} ran by image id, which matches none of them`,
      );
    }
    return null;
  }
  const refusal = imageRefusal({ ...input, requested: input.requested });
  return refusal && { ...refusal, message: `Rollback of ${subject} refused: ${refusal.message}` };
}
