import { imageRefusal, withTagOrDigest } from "@/lib/actions/image-rule";
import { localOnlyProblem } from "@/lib/actions/local-only-image";
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
  // Said before starting, as the server would refuse it: a pull of an image no registry serves only fails.
  if (typed === "") return { problem: localOnlyProblem(current) };
  const image = role === "admin" ? typed : withTagOrDigest(current, typed);
  if (image === null) return { problem: `"${typed}" is not a tag or a digest (sha256:…)` };
  const refusal = imageRefusal({ hostId, container, current, requested: image, role });
  if (refusal) return { problem: refusal.message };
  const localOnly = localOnlyProblem(image);
  return localOnly ? { problem: localOnly } : { image, problem: null };
}
