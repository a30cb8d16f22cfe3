import "server-only";
import { findHost, loadFleet } from "@/lib/docker/load-fleet";
import { filterContainers, type ContainerFilter } from "./filter-containers";
import { readHost } from "./read-host";
import type { ContainersResponse } from "./types";

export async function listContainers(filter: ContainerFilter): Promise<ContainersResponse> {
  // Asking for unknown hosts is a mistake worth naming, not an empty list.
  const hosts = filter.hosts && filter.hosts.length > 0 ? filter.hosts.map(findHost) : loadFleet();
  const snapshots = await Promise.all(hosts.map(readHost));
  const containers = filterContainers(
    snapshots.flatMap((snapshot) => snapshot.containers),
    filter,
  );
  return {
    containers,
    hosts: snapshots.map(({ summary }) => ({ id: summary.id, status: summary.status, error: summary.error })),
  };
}
