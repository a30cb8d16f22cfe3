import "server-only";
import type { FoundTarget } from "@/lib/api/endpoint";
import {
  reachesHost,
  roleOn,
  roleOnHost,
  seesEverything,
  type Access,
  type Grant,
  type Target,
} from "@/lib/core/access-rule";
import { WharfError } from "@/lib/core/errors";
import type { Host } from "@/lib/docker/host-config";
import { findHost } from "@/lib/docker/load-fleet";
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

/**
 * What a filtered answer keeps: the targets the caller sees, and the hosts it reaches at all (a host none of
 * its grants can reach is left out as if it were not in the fleet). `all` for a caller who sees the whole fleet:
 * its answers need no filtering (and may share the cached, unfiltered bytes).
 */
export type Visibility = {
  all: boolean;
  sees: (target: Target) => boolean;
  reaches: (hostId: string) => boolean;
  /** Sees everything of the host (a grant on the fleet, or on hosts alone): what a host's nodes and images need. */
  seesHost: (hostId: string) => boolean;
  /** Holds a grant naming the compose project (or on the whole fleet): what the project's own settings need. */
  seesProject: (project: string) => boolean;
};

export const FULL_VIEW: Visibility = {
  all: true,
  sees: () => true,
  reaches: () => true,
  seesHost: () => true,
  seesProject: () => true,
};

export function visibilityOf(access: Access): Visibility {
  if (seesEverything(access)) return FULL_VIEW;
  return {
    all: false,
    sees: (target) => roleOn(access, target) !== null,
    reaches: (hostId) => reachesHost(access, hostId),
    seesHost: (hostId) => roleOnHost(access, hostId) !== null,
    seesProject: (project) => {
      const names = (grants: Grant[]) =>
        grants.some((grant) => grant.scope === null || grant.scope.projects?.includes(project));
      return names(access.grants) && (access.cap === null || names(access.cap));
    },
  };
}

export function visibleRows<R extends Pick<ContainerRow, "hostId" | "name" | "compose" | "labels">>(
  rows: R[],
  view: Visibility,
): R[] {
  return view.all ? rows : rows.filter((row) => view.sees(targetOfRow(row)));
}

/** A host asked for by id: one the caller cannot reach answers as one that is not in the fleet. */
export function findVisibleHost(hostId: string, view: Visibility): Host {
  if (!view.reaches(hostId)) throw new WharfError("NOT_FOUND", `Host "${hostId}" is not in the fleet`);
  return findHost(hostId);
}

/** The hosts a list asks for (all when none), those out of the caller's reach refused as not in the fleet. */
export function visibleHostIds(asked: string[] | undefined, view: Visibility): string[] | undefined {
  if (view.all) return asked;
  if (asked && asked.length > 0) return asked.map((id) => findVisibleHost(id, view).id);
  return getLiveFleet().store.hostIds().filter(view.reaches);
}
