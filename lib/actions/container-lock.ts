import "server-only";
import { KeyedLock } from "@/lib/core/keyed-lock";
import type { ActionName } from "@/lib/history/types";

const lock = new KeyedLock<ActionName>(
  "containers",
  (running, hostId, name) =>
    `${running ? `A ${running}` : "An action through another Wharf replica"} is already running on container "${name}" on host "${hostId}"; try again when it ends`,
);

// Containers Wharf itself created: their events can arrive after the action's lock is gone. Held on globalThis
// for the lock table's reason: Next can load this module twice in one process.
const holder = globalThis as typeof globalThis & { __wharfCreated?: Set<string> };
const created = (holder.__wharfCreated ??= new Set());

/** One action at a time per container (see KeyedLock): a second one gets a 409 naming the first. */
export function withContainerLock<T>(
  hostId: string,
  name: string,
  action: ActionName,
  work: () => Promise<T>,
): Promise<T> {
  return lock.run(hostId, name, action, work);
}

/** Whether an engine event for the container, dated `eventAt` (ms), came from Wharf's own action on it. */
export function wharfActedOn(hostId: string, name: string, eventAt: number): boolean {
  return lock.actedOn(hostId, name, eventAt);
}

export function actionRunningOn(hostId: string, name: string): ActionName | undefined {
  return lock.running(hostId, name);
}

export function markCreatedByWharf(containerId: string): void {
  if (created.size > 10_000) created.clear();
  created.add(containerId);
}

export function wasCreatedByWharf(containerId: string): boolean {
  return created.has(containerId);
}
