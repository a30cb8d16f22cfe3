import type { ContainerFilter } from "@/lib/fleet/filter-containers";
import type { IncidentFilter } from "@/lib/incidents/types";

/** Every query key Wharf uses; invalidations and live updates target these exact tuples. */
export const fleetKeys = {
  all: ["fleet"] as const,
  hosts: () => [...fleetKeys.all, "hosts"] as const,
  containers: (filter: ContainerFilter = {}) => [...fleetKeys.all, "containers", filter] as const,
  container: (hostId: string, name: string) => [...fleetKeys.all, "container", hostId, name] as const,
};

export const incidentKeys = {
  all: ["incidents"] as const,
  list: (filter: IncidentFilter = {}) => [...incidentKeys.all, "list", filter] as const,
};
