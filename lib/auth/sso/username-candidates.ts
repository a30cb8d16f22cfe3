import "server-only";
import { createHash } from "node:crypto";

const MAX = 64;

/**
 * Names to try, in order, for a new SSO user: the provider's suggestion made into a slug (usernames are
 * `[a-zA-Z0-9._-]{1,64}`), then with -2 … -9, then one made from the subject, which is unique at the provider.
 */
export function usernameCandidates(suggested: string | null, subject: string): string[] {
  const fromSubject = `sso-${createHash("sha256").update(subject).digest("hex").slice(0, 12)}`;
  const base = slug(suggested);
  if (base === null) return [fromSubject];
  const numbered = Array.from({ length: 8 }, (_, i) => `${base.slice(0, MAX - 2)}-${i + 2}`);
  return [base, ...numbered, fromSubject];
}

function slug(value: string | null): string | null {
  if (!value) return null;
  // An email address gives its local part: the domain is the same for everyone at a company.
  const local = value.includes("@") ? value.slice(0, value.indexOf("@")) : value;
  const cleaned = local
    .normalize("NFKD")
    .replace(/[^a-zA-Z0-9._-]+/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "")
    .slice(0, MAX);
  return cleaned === "" ? null : cleaned;
}
