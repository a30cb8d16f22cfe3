import "server-only";
import { getDatabase } from "@/lib/db/database";
import type { Host } from "@/lib/docker/host-config";
import type { EngineEvent } from "@/lib/docker/stream-events";
import { swarmOps } from "@/lib/docker/swarm-ops";
import { recordServiceHistory } from "./db/record-service-history";
import type { ServicesTables } from "./db/service-history-table";
import { wharfActedOnService } from "./service-lock";
import { splitPinnedImage } from "./split-pinned-image";

/**
 * Records a `docker service update` (or a stack deploy) made outside Wharf as an `external` history row. The
 * manager sends one `update` event for the spec change (with `image.*` / `replicas.*` when those changed) and
 * more for the rollout's progress (`updatestate.*`): only the first is a change someone made.
 */
export async function recordExternalUpdate(host: Host, event: EngineEvent): Promise<boolean> {
  const attributes = event.Actor.Attributes;
  const name = attributes.name;
  if (event.Type !== "service" || event.Action !== "update" || !name) return false;
  if (Object.keys(attributes).some((key) => key.startsWith("updatestate."))) return false;
  const eventAt = event.timeNano ? event.timeNano / 1e6 : event.time * 1000;
  if (wharfActedOnService(host.id, name, eventAt)) return false;
  const service = await swarmOps.service(host, event.Actor.ID).catch(() => null);
  const current = service ? splitPinnedImage(service.Spec.TaskTemplate.ContainerSpec.Image) : null;
  // Without `image.*` the image did not change: before and after are the current one.
  const before = attributes["image.old"] ? splitPinnedImage(attributes["image.old"]) : current;
  const after = attributes["image.new"] ? splitPinnedImage(attributes["image.new"]) : current;
  const replicas = (value: string | undefined) => (value === undefined ? null : Number(value));
  await recordServiceHistory(await getDatabase<ServicesTables>(), {
    at: new Date(eventAt).toISOString(),
    actor: "external",
    source: "external",
    action: "update",
    hostId: host.id,
    serviceName: name,
    serviceId: event.Actor.ID,
    imageBefore: before?.image ?? null,
    digestBefore: before?.digest ?? null,
    imageAfter: after?.image ?? null,
    digestAfter: after?.digest ?? null,
    replicasBefore: replicas(attributes["replicas.old"]) ?? service?.Spec.Mode.Replicated?.Replicas ?? null,
    replicasAfter: replicas(attributes["replicas.new"]) ?? service?.Spec.Mode.Replicated?.Replicas ?? null,
    versionAfter: service?.Version.Index ?? null,
    outcome: "succeeded",
  });
  return true;
}
