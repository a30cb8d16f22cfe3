import "server-only";
import { getDatabase } from "@/lib/db/database";
import type { Host } from "@/lib/docker/host-config";
import { loadFleet } from "@/lib/docker/load-fleet";
import { readLogTail } from "@/lib/docker/read-log-tail";
import type { SwarmService, SwarmTask } from "@/lib/docker/swarm-types";
import type { Incident } from "@/lib/fleet/incident-types";
import { getLiveFleet } from "@/lib/fleet/live/get-live-fleet";
import { endServiceIncidents } from "@/lib/incidents/db/end-service-incidents";
import type { IncidentTables } from "@/lib/incidents/db/incident-table";
import { listServiceIncidents } from "@/lib/incidents/db/list-service-incidents";
import { noteServiceIncident } from "@/lib/incidents/db/note-service-incident";
import { splitPinnedImage } from "./split-pinned-image";
import { toServiceRow } from "./to-service-row";
import { isFailingTask } from "./to-task-row";

// Short of replicas for this long is an incident: a rolling update or a node coming back takes a few seconds.
export const SHORT_AFTER_MS = 30_000;
// A service is over its failures once it has run whole, with no new failed task, for this long.
const CALM_AFTER_MS = 30_000;
const LOG_LINES = 20;

type ServiceMemory = { shortSince: number | null; lastFailureAt: number };

/**
 * Turns what a manager's services and tasks look like into incidents of the service: each newly failed or
 * rejected task is one more occurrence of the service's `task-failed` incident (its count grows, like a restart
 * loop); fewer running replicas than desired for 30 s opens a `short` one; both end when the service is whole
 * again, or removed. They are the fleet's incidents like any container's: each change is published to the live
 * store, which the incidents page, the alerts and /metrics read.
 */
export class ServiceIncidentKeeper {
  /** Per host, the failed tasks already counted: only those the manager still lists, so the sets stay small. */
  private readonly seenFailures = new Map<string, Set<string>>();
  private readonly memory = new Map<string, ServiceMemory>();
  private readonly baselined = new Set<string>();

  /** Returns whether anything was opened, counted or ended (live clients then re-read). */
  async observe(
    host: Host,
    services: SwarmService[],
    tasks: SwarmTask[],
    nodeHosts: Map<string, string>,
  ): Promise<boolean> {
    const db = await getDatabase<IncidentTables>();
    const now = Date.now();
    const at = new Date(now).toISOString();
    // What failed before Wharf was watching is history, not news: the first read only learns it.
    const baseline = !this.baselined.has(host.id);
    this.baselined.add(host.id);
    let changed = false;
    const seen = this.seenFailures.get(host.id) ?? new Set<string>();
    const stillListed = new Set(tasks.filter(isFailingTask).map((task) => task.ID));
    this.seenFailures.set(host.id, stillListed);
    const present = new Set(services.map((service) => `${host.id}/${service.ID}`));
    for (const key of this.memory.keys())
      if (key.startsWith(`${host.id}/`) && !present.has(key)) this.memory.delete(key);
    // A removed service's incidents are over: nothing of it runs, or fails, any more.
    const names = new Set(services.map((service) => service.Spec.Name));
    for (const incident of await listServiceIncidents(db, { hostIds: [host.id], openOnly: true }, 1_000))
      if (!names.has(incident.containerName))
        changed =
          publish(
            await endServiceIncidents(db, host.id, incident.containerName, incident.kind, at, "removed"),
          ) || changed;
    for (const service of services) {
      const name = service.Spec.Name;
      const key = `${host.id}/${service.ID}`;
      const memory = this.memory.get(key) ?? { shortSince: null, lastFailureAt: 0 };
      this.memory.set(key, memory);
      const { image } = splitPinnedImage(service.Spec.TaskTemplate.ContainerSpec.Image);
      const own = tasks.filter((task) => task.ServiceID === service.ID);
      const fresh = own
        .filter((task) => isFailingTask(task) && !seen.has(task.ID))
        .sort((a, b) => a.Status.Timestamp.localeCompare(b.Status.Timestamp));
      for (const task of fresh) {
        if (baseline) continue;
        memory.lastFailureAt = now;
        const exitCode = task.Status.ContainerStatus?.ContainerID
          ? (task.Status.ContainerStatus.ExitCode ?? null)
          : null;
        const { incident } = await noteServiceIncident(db, {
          hostId: host.id,
          serviceName: name,
          serviceId: service.ID,
          image,
          kind: "task-failed",
          taskId: task.ID,
          nodeId: task.NodeID ?? null,
          error: task.Status.Err || task.Status.Message || null,
          exitCode,
          logTail: await this.lastLines(task, nodeHosts),
          at,
        });
        publish([incident]);
        changed = true;
      }
      const row = toServiceRow(host.id, service, tasks, now);
      const short = row.replicas.running < row.replicas.desired;
      if (short) {
        memory.shortSince ??= now;
        if (now - memory.shortSince >= SHORT_AFTER_MS) {
          const { incident, opened } = await noteServiceIncident(
            db,
            {
              hostId: host.id,
              serviceName: name,
              serviceId: service.ID,
              image,
              kind: "short",
              error: `${row.replicas.running} of ${row.replicas.desired} replicas running`,
              at,
            },
            false,
          );
          if (opened) publish([incident]);
          changed ||= opened;
        }
      } else {
        memory.shortSince = null;
        if (publish(await endServiceIncidents(db, host.id, name, "short", at, "recovered"))) changed = true;
        if (!row.converging && now - memory.lastFailureAt >= CALM_AFTER_MS && row.failingTasks === 0)
          if (publish(await endServiceIncidents(db, host.id, name, "task-failed", at, "recovered")))
            changed = true;
      }
    }
    return changed;
  }

  /** Whether some service of the host is short and not yet flagged: the watcher must look again in time. */
  pendingShort(hostId: string): boolean {
    for (const [key, memory] of this.memory)
      if (key.startsWith(`${hostId}/`) && memory.shortSince !== null) return true;
    return false;
  }

  /** The failed task's last log lines, when its node is an engine of the fleet and still has the container. */
  private async lastLines(task: SwarmTask, nodeHosts: Map<string, string>): Promise<string[]> {
    const containerId = task.Status.ContainerStatus?.ContainerID;
    const hostId = task.NodeID ? nodeHosts.get(task.NodeID) : undefined;
    const host = hostId ? loadFleet().find((candidate) => candidate.id === hostId) : undefined;
    if (!containerId || !host) return [];
    try {
      return (await readLogTail(host, containerId, LOG_LINES)).map((entry) => entry.text);
    } catch {
      return [];
    }
  }
}

/** Tells the live store (and through it the incidents page, alerts and metrics); whether there was any. */
function publish(incidents: Incident[]): boolean {
  const { store } = getLiveFleet();
  for (const incident of incidents) store.publish({ type: "incident", incident });
  return incidents.length > 0;
}
