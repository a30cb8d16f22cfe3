import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";

/** `X-Wharf-Signature`: HMAC-SHA256 of the exact body bytes under the channel's secret, as `sha256=<hex>`. */
export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(body, "utf8").digest("hex")}`;
}

/** What a receiver does (documented in docs/api.md); here for the tests and as a reference. */
export function verifySignature(body: string, secret: string, header: string | null): boolean {
  if (header === null) return false;
  const expected = Buffer.from(signBody(body, secret));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
