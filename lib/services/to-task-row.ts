import type { SwarmTask } from "@/lib/docker/swarm-types";
import type { TaskRow } from "./types";
import { splitPinnedImage } from "./split-pinned-image";

/** Failed, rejected, or ended with a non-zero exit while the orchestrator wanted it running. */
export function isFailingTask(task: SwarmTask): boolean {
  const state = task.Status.State;
  if (state === "failed" || state === "rejected") return true;
  const exit = task.Status.ContainerStatus?.ExitCode;
  return state === "complete" && exit !== undefined && exit !== 0 && task.DesiredState !== "shutdown";
}

/** A task as `docker service ps` shows it, with the fleet host its node is, when the node is in the fleet. */
export function toTaskRow(
  task: SwarmTask,
  nodes: Map<string, { hostname: string; fleetHostId: string | null }>,
): TaskRow {
  const node = task.NodeID ? nodes.get(task.NodeID) : undefined;
  const exit = task.Status.ContainerStatus?.ExitCode;
  const image = task.Spec.ContainerSpec?.Image;
  return {
    id: task.ID,
    serviceId: task.ServiceID,
    slot: task.Slot ?? null,
    nodeId: task.NodeID || null,
    node: node?.hostname ?? null,
    nodeHostId: node?.fleetHostId ?? null,
    desiredState: task.DesiredState,
    state: task.Status.State,
    message: task.Status.Message || null,
    error: task.Status.Err || null,
    // The engine reports 0 for a task whose container never ran; only a container that ran has an exit code.
    exitCode: exit !== undefined && task.Status.ContainerStatus?.ContainerID ? exit : null,
    containerId: task.Status.ContainerStatus?.ContainerID || null,
    image: image ? splitPinnedImage(image).image : null,
    createdAt: task.CreatedAt,
    updatedAt: task.Status.Timestamp,
    failing: isFailingTask(task),
  };
}

/** Newest first within a slot, slots in order: `docker service ps` order, the current task above its history. */
export function sortTasks(tasks: TaskRow[]): TaskRow[] {
  return [...tasks].sort(
    (a, b) =>
      (a.slot ?? 0) - (b.slot ?? 0) ||
      (a.nodeId ?? "").localeCompare(b.nodeId ?? "") ||
      b.createdAt.localeCompare(a.createdAt),
  );
}
