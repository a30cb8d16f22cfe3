// Pure: the redeploy dialog says it before the server refuses it.
import { parseImageReference } from "./image-rule";

/**
 * Why a reference cannot be pulled, or null. `localhost/…` (without a port) is the name images built or imported
 * on a host get (`docker import`, Podman's convention): no registry serves it, so a redeploy would only fail on
 * its pull. A `localhost:5000/…` names a registry and is pulled as usual.
 */
export function localOnlyProblem(reference: string): string | null {
  const parsed = parseImageReference(reference);
  if (parsed === null || parsed.registry !== "localhost") return null;
  return `${reference} exists only on this host: no registry serves it, so a redeploy cannot pull it. Push it to a registry and redeploy onto that reference`;
}
