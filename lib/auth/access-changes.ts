import "server-only";
import type { AccessLostReason, Principal } from "./types";

/** Whose access Wharf just ended or narrowed: one API token, one session, or a user (their sessions and tokens). */
export type AccessChange = ({ tokenId: number } | { sessionId: string } | { userId: number }) & {
  reason: AccessLostReason;
};
type Listener = (change: AccessChange) => void;

// Open streams subscribe from route bundles, changes are announced from others: Next can evaluate a module once
// per bundle in one process, so the listeners hang off globalThis to be one set.
const KEY = Symbol.for("wharf.access-changes");
type Holder = { [KEY]?: Set<Listener> };

function listeners(): Set<Listener> {
  const holder = globalThis as Holder;
  return (holder[KEY] ??= new Set());
}

/**
 * Tells this process's open streams that access changed, so theirs ends now rather than at the next periodic
 * re-check. Call it after the change is committed: listeners re-read the database to decide.
 */
export function announceAccessChange(change: AccessChange): void {
  for (const listener of [...listeners()]) {
    try {
      listener(change);
    } catch (error) {
      console.error("[wharf] an access-change listener failed", error);
    }
  }
}

export function onAccessChange(listener: Listener): () => void {
  listeners().add(listener);
  return () => void listeners().delete(listener);
}

export function concerns(change: AccessChange, principal: Principal): boolean {
  if ("tokenId" in change) return principal.kind === "token" && principal.tokenId === change.tokenId;
  if ("sessionId" in change) return principal.kind === "user" && principal.sessionId === change.sessionId;
  // A user's change reaches the streams of the tokens they own as well as their sessions'.
  return principal.kind === "user" ? principal.userId === change.userId : principal.ownerId === change.userId;
}
