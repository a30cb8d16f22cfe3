// Plain functions of a container's labels: the fleet table, the container page and the server's actions all ask.

/** The label Docker puts on every container a swarm task runs in. */
export const SWARM_TASK_LABEL = "com.docker.swarm.task.id";

/** The swarm service a task container belongs to, or null for a container of its own. */
export function swarmServiceOf(labels: Record<string, string>): string | null {
  if (!labels[SWARM_TASK_LABEL]) return null;
  return labels["com.docker.swarm.service.name"] || labels["com.docker.swarm.service.id"] || "unknown";
}

/**
 * Why Wharf will not start, stop or restart a container, when it is a swarm task's: the swarm replaces failed
 * tasks itself, and a task container brought back by hand runs beside the one it scheduled instead (or is
 * killed by it), while `docker service ls` still counts it as failed. Null for any other container.
 */
export function swarmTaskRefusal(row: { name: string; hostId: string; labels: Record<string, string> }) {
  const service = swarmServiceOf(row.labels);
  return service === null
    ? null
    : `${row.name} on ${row.hostId} belongs to swarm service ${service}: act on the service`;
}
