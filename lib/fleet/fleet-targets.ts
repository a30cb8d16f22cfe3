import "server-only";
import type { FoundTarget } from "@/lib/api/endpoint";
import { roleOn, seesEverything, type Access, type Target } from "@/lib/core/access-rule";
import { WharfError } from "@/lib/core/errors";
import type { Incident } from "./incident-types";
import { getLiveFleet } from "./live/get-live-fleet";
import type { ContainerRow } from "./types";

// Set by the engine on a swarm task's container, and by `docker stack deploy` on everything of a stack.
const SERVICE_LABEL = "com.docker.swarm.service.name";
const STACK_LABEL = "com.docker.stack.namespace";

/** What a grant is checked against for a container: its host, compose project (or stack), name and service. */
export function targetOfRow(row: Pick<ContainerRow, "hostId" | "name" | "compose" | "labels">): Target {
  return {
    hostId: row.hostId,
    name: row.name,
    project: row.compose?.project ?? row.labels[STACK_LABEL] ?? null,
    service: row.labels[SERVICE_LABEL] ?? null,
  };
}

/** A container by name, or by its id or an id prefix of 12 or more, as the live state knows it now. */
export async function findLiveRow(hostId: string, nameOrId: string): Promise<ContainerRow | undefined> {
  const { store } = getLiveFleet();
  if (!store.hostIds().includes(hostId)) return undefined;
  await store.ready([hostId]);
  const byName = store.findRowByName(hostId, nameOrId) ?? store.row(hostId, nameOrId);
  if (byName || !/^[0-9a-f]{12,64}$/.test(nameOrId)) return byName;
  return store.rows(hostId).find((row) => row.id.startsWith(nameOrId));
}

/** A route's container target (./endpoint reach), missing with the words the route uses for a container it lacks. */
export async function containerTarget(hostId: string, nameOrId: string): Promise<FoundTarget> {
  const row = await findLiveRow(hostId, nameOrId);
  if (row) return { target: targetOfRow(row) };
  return {
    missing: new WharfError("NOT_FOUND", `Container "${nameOrId}" not found on host "${hostId}"`),
  };
}

/** A swarm service as a target: its name is both the name and the service a grant may list. */
export function serviceTarget(hostId: string, name: string): Target {
  return { hostId, name, service: name, project: null };
}

/** An incident's target: the service's, or the container's with its project as the live state knows it. */
export function incidentTarget(incident: Pick<Incident, "target" | "hostId" | "containerName">): Target {
  if (incident.target === "service") return serviceTarget(incident.hostId, incident.containerName);
  const { store } = getLiveFleet();
  const row = store.hostIds().includes(incident.hostId)
    ? store.findRowByName(incident.hostId, incident.containerName)
    : undefined;
  return row ? targetOfRow(row) : { hostId: incident.hostId, name: incident.containerName };
}

/** The predicate a filtered answer keeps rows by; every row passes for a caller who sees the whole fleet. */
export function seenBy(access: Access): (target: Target) => boolean {
  if (seesEverything(access)) return () => true;
  return (target) => roleOn(access, target) !== null;
}
