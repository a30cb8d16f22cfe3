import "server-only";
import type { Kysely } from "kysely";
import { z } from "zod";
import { WharfError } from "@/lib/core/errors";
import type { AuthTables } from "./db/auth-tables";
import { findUserByName } from "./db/find-user-by-name";
import { hasRecentAudit } from "./db/has-recent-audit";
import { recordAudit } from "./db/record-audit";
import { toUser } from "./db/user-table";
import { DUMMY_PASSWORD_HASH } from "./hash-password";
import {
  clearLoginFailures,
  recordLoginFailure,
  retryAfterSeconds,
  throttleKeys,
  type ThrottleKey,
} from "./login-throttle";
import { parseInput } from "./parse-input";
import { startSession } from "./start-session";
import type { User } from "./types";
import { parsePasswordHash, verifyPassword } from "./verify-password";

const loginInputSchema = z
  .object({
    username: z.string().min(1).max(256),
    password: z.string().min(1).max(1024),
    address: z.string().min(1).max(128),
    userAgent: z
      .string()
      .nullish()
      .transform((value) => value?.slice(0, 512) ?? null),
  })
  .strict();
export type LoginInput = z.input<typeof loginInputSchema>;
export type LoginResult = { token: string; user: User; expiresAt: string };

const invalid = () => new WharfError("UNAUTHORIZED", "Invalid username or password");

/**
 * Signs a user in: a new session token (set it as the `wharf_session` cookie; it expires at `expiresAt` at the
 * latest). UNAUTHORIZED with one message whatever was wrong (unknown user, wrong password, disabled user);
 * RATE_LIMITED, before any password is checked, while this address is throttled for the user or altogether.
 */
export async function login(
  db: Kysely<AuthTables>,
  input: LoginInput,
  now: () => number = Date.now,
): Promise<LoginResult> {
  const { username, password, address, userAgent } = parseInput(loginInputSchema, input);
  const keys = throttleKeys(username, address);
  await refuseIfThrottled(db, keys, username, address, now());

  const row = await findUserByName(db, username);
  // An unknown name, or a single sign-on user's (who has no password), is still checked against a hash, so it
  // takes as long as a wrong password does and its timing does not tell which names exist.
  const hasPassword = row !== undefined && parsePasswordHash(row.password_hash) !== null;
  const matches = await verifyPassword(password, hasPassword ? row.password_hash : DUMMY_PASSWORD_HASH);
  const ok = matches && hasPassword && row.disabled_at === null;

  // Other attempts ran while scrypt did. If one of them blocked a key meanwhile, this one gets no verdict
  // either: otherwise a burst of parallel guesses would all be answered before the first block landed. A
  // failure learns that as it is counted (in one transaction), so two failures cannot both miss the block.
  const at = now();
  if (!ok) {
    if ((await recordLoginFailure(db, keys, at)) !== null)
      await refuseIfThrottled(db, keys, username, address, at);
    const detail =
      row === undefined
        ? "unknown user"
        : !hasPassword
          ? "no password: signs in through single sign-on"
          : matches
            ? "user disabled"
            : "wrong password";
    await recordAudit(db, {
      actor: "anonymous",
      action: "login-failed",
      target: username,
      address,
      detail,
      at: iso(at),
    });
    throw invalid();
  }
  await refuseIfThrottled(db, keys, username, address, at);

  // Only this address's count for this user is forgiven: an address that has been guessing at other accounts
  // stays counted, so signing in to an account of one's own does not buy more guesses at another's.
  await clearLoginFailures(db, keys[0]);
  const { password_hash: _hash, ...userRow } = row;
  const user = toUser(userRow);
  const session = await startSession(db, user.id, { address, userAgent }, at);
  await recordAudit(db, {
    actor: user.username,
    action: "login",
    target: user.username,
    address,
    detail: userAgent,
    at: iso(at),
  });
  return { token: session.token, user, expiresAt: session.expiresAt };
}

const iso = (ms: number) => new Date(ms).toISOString();

async function refuseIfThrottled(
  db: Kysely<AuthTables>,
  keys: readonly ThrottleKey[],
  username: string,
  address: string,
  at: number,
): Promise<void> {
  const retryAfter = await retryAfterSeconds(db, keys, at);
  if (retryAfter === null) return;
  // Refusing costs an attacker nothing, so each address is logged once a minute, whatever names it tries:
  // otherwise a client hammering with made-up usernames would bury the audit log.
  const since = iso(at - 60_000);
  if (!(await hasRecentAudit(db, { action: "login-throttled", address, since }))) {
    const detail = `retry in ${retryAfter} s`;
    await recordAudit(db, {
      actor: "anonymous",
      action: "login-throttled",
      target: username,
      address,
      detail,
      at: iso(at),
    });
  }
  const wait = retryAfter < 120 ? `${retryAfter} seconds` : `${Math.ceil(retryAfter / 60)} minutes`;
  throw new WharfError("RATE_LIMITED", `Too many failed sign-ins: try again in ${wait}`, {
    retryAfterSeconds: retryAfter,
  });
}
