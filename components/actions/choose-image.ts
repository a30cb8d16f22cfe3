import { imageRefusal, withTagOrDigest } from "@/lib/actions/image-rule";
import type { Role } from "@/lib/auth/types";

/** What the dialog will send: no `image` for the container's own reference, or why the input cannot be sent. */
export type ImageChoice = { image?: string; problem: string | null };

/**
 * Reads the redeploy dialog's image input under the server's image rule (lib/actions/image-rule.ts): an
 * operator types only a tag or digest of the container's own repository, an admin any reference.
 */
export function chooseImage(
  current: string,
  input: string,
  role: Role,
  hostId: string,
  container: string,
): ImageChoice {
  const typed = input.trim();
  if (typed === "") return { problem: null };
  const image = role === "admin" ? typed : withTagOrDigest(current, typed);
  if (image === null) return { problem: `"${typed}" is not a tag or a digest (sha256:…)` };
  const refusal = imageRefusal({ hostId, container, current, requested: image, role });
  return refusal ? { problem: refusal.message } : { image, problem: null };
}
