import type { Inspect } from "./fleet";

const ZERO = "0001-01-01T00:00:00Z";

/**
 * What the API must say about a container, written from `docker inspect` output independently of Wharf's
 * mapping code, so a mistake in that code cannot hide in both places.
 */
export function expectedRow(hostId: string, item: Inspect) {
  const labels = item.Config.Labels ?? {};
  const project = labels["com.docker.compose.project"];
  const service = labels["com.docker.compose.service"];
  const health = item.State.Health?.Status;
  return {
    hostId,
    id: item.Id,
    name: item.Name.slice(1),
    image: item.Config.Image,
    imageId: item.Image,
    state: item.State.Status,
    health: health === "healthy" || health === "unhealthy" || health === "starting" ? health : null,
    exitCode: item.State.ExitCode,
    oomKilled: item.State.OOMKilled,
    restartCount: item.RestartCount,
    createdAt: item.Created,
    startedAt: item.State.StartedAt === ZERO ? null : item.State.StartedAt,
    finishedAt: item.State.FinishedAt === ZERO ? null : item.State.FinishedAt,
    compose: project && service ? { project, service } : null,
    labels,
  };
}
