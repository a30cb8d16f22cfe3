import "server-only";
import { createHash, randomBytes } from "node:crypto";

/** 32 random bytes, base64url (43 characters): unguessable, so it needs no slow hash. */
export function newSecret(): string {
  return randomBytes(32).toString("base64url");
}

export const isSecretShaped = (value: string) => /^[A-Za-z0-9_-]{43}$/.test(value);

/** What the database keeps instead of a session or API token: a copied database cannot be replayed. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
