import type { AutohealPolicy } from "./types";

/** A policy's scope in words, for the audit log and the container page. */
export function describePolicy(policy: Pick<AutohealPolicy, "hostId" | "project">): string {
  if (policy.project !== null && policy.hostId !== null)
    return `compose project ${policy.project} on host ${policy.hostId}`;
  if (policy.project !== null) return `compose project ${policy.project} on every host`;
  return `host ${policy.hostId}`;
}
