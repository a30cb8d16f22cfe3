import "server-only";
import { WharfError } from "@/lib/core/errors";
import type { ServiceActionName } from "./types";

// On globalThis like lib/actions/container-lock.ts: Next can load a module twice, and two tables are no lock.
const holder = globalThis as typeof globalThis & {
  __wharfServiceLocks?: Map<string, ServiceActionName>;
  __wharfServiceReleased?: Map<string, number>;
};
const locks = (holder.__wharfServiceLocks ??= new Map());
const released = (holder.__wharfServiceReleased ??= new Map());
// The manager's events for Wharf's own update (the last "updatestate" ones) can reach Wharf just after it ends.
const RECENT_MS = 2_000;

const key = (hostId: string, name: string) => `${hostId}/${name}`;

/**
 * One action at a time per service, refused at once with a clear 409 rather than queued, as for containers:
 * two updates built on the same spec version would make the second fail "out of sequence" anyway.
 */
export async function withServiceLock<T>(
  hostId: string,
  name: string,
  action: ServiceActionName,
  work: () => Promise<T>,
): Promise<T> {
  const running = locks.get(key(hostId, name));
  if (running)
    throw new WharfError(
      "CONFLICT",
      `A ${running} is already running on service "${name}" on host "${hostId}"; try again when it ends`,
    );
  locks.set(key(hostId, name), action);
  try {
    return await work();
  } finally {
    locks.delete(key(hostId, name));
    released.set(key(hostId, name), Date.now());
    if (released.size > 1_000) released.clear();
  }
}

/** Whether a service event dated `eventAt` (ms) came from Wharf's own action on it. */
export function wharfActedOnService(hostId: string, name: string, eventAt: number): boolean {
  if (locks.has(key(hostId, name))) return true;
  const end = released.get(key(hostId, name));
  return end !== undefined && Date.now() - end <= RECENT_MS && eventAt <= end;
}
