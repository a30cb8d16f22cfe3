import "server-only";
import { WharfError } from "@/lib/core/errors";

/** What a route body may weigh unless the route says otherwise: every body Wharf takes is a few fields. */
export const DEFAULT_BODY_LIMIT_BYTES = 64 * 1024;

/**
 * Reads a JSON body of at most `limit` bytes. A declared Content-Length over the limit is refused before one
 * byte is read, and a body without one (chunked) is read only up to the limit: a client cannot make the
 * server hold more than that in memory. The Content-Type must say JSON: a form or text/plain post is what a
 * hostile page can send without asking the browser first, so refusing it closes that door too.
 */
export async function readJsonBody(request: Request, limit = DEFAULT_BODY_LIMIT_BYTES): Promise<unknown> {
  const type = request.headers.get("content-type");
  const declared = request.headers.get("content-length");
  const hasBody = request.body !== null && declared !== "0";
  if (type !== null ? !isJsonType(type) : hasBody) {
    throw new WharfError(
      "UNSUPPORTED_MEDIA_TYPE",
      `The request body must be JSON sent as Content-Type: application/json, not ${type ?? "without a type"}`,
    );
  }
  if (declared !== null && Number(declared) > limit) throw tooLarge(limit);
  const text = await readCapped(request, limit);
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new WharfError("VALIDATION", "The request body is not valid JSON");
  }
}

function isJsonType(type: string): boolean {
  const media = type.split(";")[0]!.trim().toLowerCase();
  return media === "application/json" || /^application\/[a-z0-9.+-]+\+json$/.test(media);
}

async function readCapped(request: Request, limit: number): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function tooLarge(limit: number): WharfError {
  return new WharfError("PAYLOAD_TOO_LARGE", `The request body is larger than ${limit / 1024} KB`, {
    limitBytes: limit,
  });
}
