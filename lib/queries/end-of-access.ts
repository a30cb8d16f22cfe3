"use client";
import { sendToLogin } from "@/lib/api/fetch-json";
import { isAccessLostReason, type AccessEndEvent } from "@/lib/auth/types";

/** Whether a stream's `end` event says its caller lost access (rather than, say, the container stopping). */
export function isAccessEnd(end: { reason: string }): end is AccessEndEvent {
  return isAccessLostReason(end.reason);
}

/**
 * After an access `end`, reconnecting would only be refused: the stream stays closed. A page's credential is its
 * session, so every reason but a lowered role means it is over, and the browser goes to sign in again.
 */
export function leaveAfterAccessEnd(end: AccessEndEvent): string {
  if (end.reason !== "role changed") sendToLogin();
  return `The stream ended: ${end.reason}`;
}
