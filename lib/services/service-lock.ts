import "server-only";
import { KeyedLock } from "@/lib/core/keyed-lock";
import type { ServiceActionName } from "./types";

const lock = new KeyedLock<ServiceActionName>(
  "services",
  (running, hostId, name) =>
    `${running ? `A ${running}` : "An action through another Wharf replica"} is already running on service "${name}" on host "${hostId}"; try again when it ends`,
);

/** One action at a time per service (see KeyedLock), as for containers. */
export function withServiceLock<T>(
  hostId: string,
  name: string,
  action: ServiceActionName,
  work: () => Promise<T>,
): Promise<T> {
  return lock.run(hostId, name, action, work);
}

/** Whether a service event dated `eventAt` (ms) came from Wharf's own action on it. */
export function wharfActedOnService(hostId: string, name: string, eventAt: number): boolean {
  return lock.actedOn(hostId, name, eventAt);
}
