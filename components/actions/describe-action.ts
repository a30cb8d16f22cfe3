import type { ContainerRow } from "@/lib/fleet/types";
import type { ActionName } from "@/lib/history/types";

export type Confirmation = { title: string; body: string; confirmLabel: string };

type Target = Pick<ContainerRow, "hostId" | "name" | "state" | "image">;

/** Whether it does something to a container that is serving right now. */
export function isUp(target: Pick<ContainerRow, "state">): boolean {
  return target.state === "running" || target.state === "paused";
}

/**
 * What to ask before an action, or null when it cannot hurt: starting, and restarting a container that is
 * down anyway (a crashed one, or one the engine keeps restarting), need no second thought.
 */
export function confirmationFor(
  action: ActionName,
  target: Target,
  rollbackTo: string | null = null,
): Confirmation | null {
  const { name, hostId } = target;
  switch (action) {
    case "start":
      return null;
    case "restart":
      return isUp(target)
        ? {
            title: `Restart ${name}?`,
            body: `${name} on ${hostId} is stopped and started again; it does not answer in between.`,
            confirmLabel: "Restart",
          }
        : null;
    case "stop":
      return {
        title: `Stop ${name}?`,
        body: `${name} on ${hostId} gets its stop signal (and a kill after its stop timeout) and stays down until someone starts it.`,
        confirmLabel: "Stop",
      };
    case "redeploy":
      return {
        title: `Redeploy ${name}?`,
        body: `Wharf pulls ${target.image} on ${hostId}. If that brings a new image, ${name} is replaced by a container on it with the same configuration; if the new one does not hold, the old one is put back.`,
        confirmLabel: "Redeploy",
      };
    case "rollback":
      return {
        title: `Roll back ${name}?`,
        body: `${name} on ${hostId} is recreated on ${rollbackTo ?? "the image it ran before its last successful redeploy"}${rollbackTo ? ", the image it ran before its last successful redeploy," : ""} with the same configuration; no tag on the host is changed. If that one does not hold, the current container is kept.`,
        confirmLabel: "Roll back",
      };
  }
}
