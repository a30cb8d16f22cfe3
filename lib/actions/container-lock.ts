import "server-only";
import { WharfError } from "@/lib/core/errors";
import type { ActionName } from "./types";

// Held on globalThis: Next can load this module twice in one process, and two lock tables would be no lock.
const holder = globalThis as typeof globalThis & {
  __wharfLocks?: Map<string, ActionName>;
  __wharfCreated?: Set<string>;
  __wharfReleased?: Map<string, number>;
};
const locks = (holder.__wharfLocks ??= new Map());
// Containers Wharf itself created: their events can arrive after the action's lock is gone.
const created = (holder.__wharfCreated ??= new Set());
// When each container's last action ended: the engine's events for it can reach Wharf just after that.
const released = (holder.__wharfReleased ??= new Map<string, number>());
const RECENT_MS = 2_000;

const key = (hostId: string, name: string) => `${hostId}/${name}`;

/**
 * One action at a time per container: a second one is refused at once with a clear 409 rather than queued,
 * since the first may change what the second was meant for (and two recreates would race to a duplicate).
 */
export async function withContainerLock<T>(
  hostId: string,
  name: string,
  action: ActionName,
  work: () => Promise<T>,
): Promise<T> {
  const running = locks.get(key(hostId, name));
  if (running) {
    throw new WharfError(
      "CONFLICT",
      `A ${running} is already running on container "${name}" on host "${hostId}"; try again when it ends`,
    );
  }
  locks.set(key(hostId, name), action);
  try {
    return await work();
  } finally {
    locks.delete(key(hostId, name));
    forgetOld();
    released.set(key(hostId, name), Date.now());
  }
}

/**
 * Whether an engine event for the container, arriving now and dated `eventAt` (ms, the engine's clock), came
 * from Wharf's own action: one is under way, or one ended moments ago and the event is from before its end.
 * (A command someone gives right after Wharf's action is theirs. This compares the engine's clock with
 * Wharf's, which agree on one machine and, with NTP, to well under the time a person takes to type.)
 */
export function wharfActedOn(hostId: string, name: string, eventAt: number): boolean {
  if (locks.has(key(hostId, name))) return true;
  const end = released.get(key(hostId, name));
  return end !== undefined && Date.now() - end <= RECENT_MS && eventAt <= end;
}

function forgetOld(): void {
  if (released.size < 1_000) return;
  const now = Date.now();
  for (const [name, at] of released) if (now - at > RECENT_MS) released.delete(name);
}

export function actionRunningOn(hostId: string, name: string): ActionName | undefined {
  return locks.get(key(hostId, name));
}

export function markCreatedByWharf(containerId: string): void {
  if (created.size > 10_000) created.clear();
  created.add(containerId);
}

export function wasCreatedByWharf(containerId: string): boolean {
  return created.has(containerId);
}
