import type { SwarmService, SwarmTask } from "@/lib/docker/swarm-types";
import type { ServiceRow } from "./types";
import { isFailingTask } from "./to-task-row";
import { splitPinnedImage } from "./split-pinned-image";

const STACK_LABEL = "com.docker.stack.namespace";
// A failure older than this no longer says anything about the service as it runs now.
const FAILING_WINDOW_MS = 10 * 60_000;

/**
 * A service as `docker service ls` shows it: running counts tasks whose current state is running and that the
 * orchestrator wants running (the CLI's "REPLICAS" column); a global service wants one per node that runs it.
 */
export function toServiceRow(
  hostId: string,
  service: SwarmService,
  tasks: SwarmTask[],
  now = Date.now(),
): ServiceRow {
  const own = tasks.filter((task) => task.ServiceID === service.ID);
  const running = own.filter(
    (task) => task.Status.State === "running" && task.DesiredState === "running",
  ).length;
  const global = service.Spec.Mode.Global !== undefined;
  const desired = global
    ? own.filter((task) => task.DesiredState === "running").length
    : (service.Spec.Mode.Replicated?.Replicas ?? 0);
  const update = service.UpdateStatus;
  const updating = update?.State === "updating" || update?.State === "rollback_started";
  const { image, digest } = splitPinnedImage(service.Spec.TaskTemplate.ContainerSpec.Image);
  const failingTasks = own.filter(
    (task) => isFailingTask(task) && now - Date.parse(task.Status.Timestamp) < FAILING_WINDOW_MS,
  ).length;
  const labels = service.Spec.Labels ?? {};
  return {
    hostId,
    id: service.ID,
    name: service.Spec.Name,
    stack: labels[STACK_LABEL] ?? null,
    image,
    digest,
    mode: global ? "global" : "replicated",
    replicas: { desired, running },
    updateStatus: update?.State
      ? {
          state: update.State,
          message: update.Message || null,
          startedAt: update.StartedAt ?? null,
          completedAt: update.CompletedAt ?? null,
        }
      : null,
    converging: updating || running < desired,
    failingTasks,
    labels,
    version: service.Version.Index,
    createdAt: service.CreatedAt,
    updatedAt: service.UpdatedAt,
  };
}
