import "server-only";
import { timingSafeEqual } from "node:crypto";
import { deriveKey } from "./hash-password";

type ParsedHash = { N: number; r: number; p: number; salt: Buffer; key: Buffer };

const isPowerOfTwo = (n: number) => Number.isSafeInteger(n) && n > 1 && (n & (n - 1)) === 0;

/**
 * Reads a stored `scrypt$N$r$p$salt$hash`, or null when it is not one. The bounds keep a damaged row from
 * asking scrypt for gigabytes (128·N·r bytes) on a sign-in.
 */
export function parsePasswordHash(stored: string): ParsedHash | null {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return null;
  const [N, r, p] = parts.slice(1, 4).map((part) => (/^\d{1,9}$/.test(part) ? Number(part) : NaN)) as [
    number,
    number,
    number,
  ];
  const salt = Buffer.from(parts[4] ?? "", "base64");
  const key = Buffer.from(parts[5] ?? "", "base64");
  if (!isPowerOfTwo(N) || !(r >= 1 && p >= 1 && p <= 16) || 128 * N * r > 128 * 2 ** 20) return null;
  if (salt.length < 16 || key.length < 16 || key.length > 64) return null;
  return { N, r, p, salt, key };
}

/** Whether `password` matches the stored hash; false, never an error, for a hash it cannot read. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parsePasswordHash(stored);
  if (!parsed) return false;
  const { salt, key, ...params } = parsed;
  const candidate = await deriveKey(password, salt, { ...params, keyLength: key.length });
  return timingSafeEqual(candidate, key);
}
