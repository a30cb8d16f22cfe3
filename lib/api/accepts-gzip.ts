import { PRECOMPRESSED_HEADER } from "@/lib/core/precompressed.mjs";

/**
 * Whether the client takes a gzip body (`Accept-Encoding`, with its q-values: `gzip;q=0` refuses it, and so
 * does `*;q=0` without a gzip entry of its own).
 */
export function acceptsGzip(header: string | null): boolean {
  if (!header) return false;
  let wildcard: boolean | undefined;
  for (const part of header.toLowerCase().split(",")) {
    const [coding, ...params] = part.trim().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const accepted = q === undefined || Number(q.slice(2)) > 0;
    if (coding?.trim() === "gzip" || coding?.trim() === "x-gzip") return accepted;
    if (coding?.trim() === "*") wildcard = accepted;
  }
  return wildcard ?? false;
}

/** Whether a body compressed ahead of time may be sent: the client takes gzip, and the request guard passes it. */
export function maySendGzip(request: Request): boolean {
  return (
    request.headers.get(PRECOMPRESSED_HEADER) === "gzip" &&
    acceptsGzip(request.headers.get("accept-encoding"))
  );
}
