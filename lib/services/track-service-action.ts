import "server-only";
import type { Caller } from "@/lib/actions/track-action";
import { WharfError, type ErrorCode } from "@/lib/core/errors";
import { getDatabase } from "@/lib/db/database";
import type { Host } from "@/lib/docker/host-config";
import { swarmOps } from "@/lib/docker/swarm-ops";
import type { SwarmService } from "@/lib/docker/swarm-types";
import { announceServices } from "./announce";
import { recordServiceHistory } from "./db/record-service-history";
import type { ServicesTables } from "./db/service-history-table";
import { settleServiceHistory, type ServiceHistoryPatch } from "./db/settle-service-history";
import { requireManager } from "./manager-hosts";
import { serviceError } from "./service-error";
import { withServiceLock } from "./service-lock";
import { splitPinnedImage } from "./split-pinned-image";
import type { ServiceActionName, ServiceActionResult, ServiceHistoryEntry, ServiceOutcome } from "./types";

export type ServiceRun = { host: Host; service: SwarmService; entry: ServiceHistoryEntry };
export type ServiceActionEnd = {
  outcome: ServiceOutcome;
  message: string;
  patch?: ServiceHistoryPatch;
  code?: ErrorCode;
};

export function replicasOf(service: SwarmService): number | null {
  return service.Spec.Mode.Replicated?.Replicas ?? null;
}

/**
 * The frame of every service action, as lib/actions/track-action.ts is for containers: find the service (404
 * naming it), take its lock (409), write the history row before touching anything, run, settle the row with
 * the outcome also when the work throws. Resolves only for `succeeded` and `no-change`; `failed` and
 * `rolled-back` reject with the settled result beside the error, so no caller answers 2xx for them.
 */
export async function trackServiceAction(
  hostId: string,
  name: string,
  action: ServiceActionName,
  caller: Caller,
  work: (run: ServiceRun) => Promise<ServiceActionEnd>,
  check?: (service: SwarmService) => void,
): Promise<ServiceActionResult> {
  const host = await requireManager(hostId);
  const service = await swarmOps.service(host, name).catch((error) => {
    throw serviceError(error, host, name);
  });
  check?.(service);
  const serviceName = service.Spec.Name;
  return withServiceLock(host.id, serviceName, action, async () => {
    const started = Date.now();
    const db = await getDatabase<ServicesTables>();
    const { image, digest } = splitPinnedImage(service.Spec.TaskTemplate.ContainerSpec.Image);
    const entry = await recordServiceHistory(db, {
      at: new Date(started).toISOString(),
      actor: caller.actor,
      source: caller.source,
      action,
      hostId: host.id,
      serviceName,
      serviceId: service.ID,
      imageBefore: image,
      digestBefore: digest,
      replicasBefore: replicasOf(service),
      versionBefore: service.Version.Index,
    });
    announceServices(host.id, serviceName);
    let end: ServiceActionEnd;
    try {
      end = await work({ host, service, entry });
    } catch (error) {
      const failure = error instanceof WharfError ? error : serviceError(error, host, serviceName);
      end = { outcome: "failed", message: failure.message, code: failure.code };
    }
    const settled = await settleServiceHistory(db, entry.id, {
      ...end.patch,
      outcome: end.outcome,
      error: end.outcome === "succeeded" || end.outcome === "no-change" ? null : end.message,
      durationMs: Date.now() - started,
    });
    announceServices(host.id, serviceName);
    const result: ServiceActionResult = {
      historyId: entry.id,
      outcome: end.outcome,
      message: end.message,
      entry: settled,
    };
    if (end.outcome === "rolled-back")
      throw new WharfError("ROLLED_BACK", end.message, undefined, { ...result });
    if (end.outcome === "failed")
      throw new WharfError(end.code ?? "INTERNAL", end.message, undefined, { ...result });
    return result;
  });
}
