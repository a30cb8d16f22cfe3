/** `127.0.0.1:5000/app:v2@sha256:…` → the reference as written and the digest the manager pinned. */
export function splitPinnedImage(image: string): { image: string; digest: string | null } {
  const at = image.indexOf("@");
  return at < 0 ? { image, digest: null } : { image: image.slice(0, at), digest: image.slice(at + 1) };
}
