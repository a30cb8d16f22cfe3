"use client";
import { sendToLogin } from "@/lib/api/fetch-json";
import { isAccessLostReason, type AccessEndEvent } from "@/lib/auth/types";

/** Whether a stream's `end` event says its caller lost access (rather than, say, the container stopping). */
export function isAccessEnd(end: { reason: string }): end is AccessEndEvent {
  return isAccessLostReason(end.reason);
}

/**
 * After an access `end`, reconnecting would only be refused: the stream stays closed. A page's credential is its
 * session, so every reason but a lowered role or changed grants means it is over, and the browser goes to sign in
 * again. Changed grants leave the session standing: what the stream showed is what they no longer give.
 */
export function leaveAfterAccessEnd(end: AccessEndEvent): string {
  if (!sessionStands(end)) sendToLogin();
  return end.reason === "access changed"
    ? "The stream ended: your grants changed and no longer reach this"
    : `The stream ended: ${end.reason}`;
}

/** A grant change ends a filtered stream so that it starts again under the new grants. */
export function reconnectsAfter(end: AccessEndEvent): boolean {
  return end.reason === "access changed";
}

function sessionStands(end: AccessEndEvent): boolean {
  return end.reason === "role changed" || end.reason === "access changed";
}
