import type { ContainerFilter } from "@/lib/fleet/filter-containers";

/** Every query key Wharf uses; invalidations target these exact tuples. */
export const fleetKeys = {
  all: ["fleet"] as const,
  hosts: () => [...fleetKeys.all, "hosts"] as const,
  containers: (filter: ContainerFilter = {}) => [...fleetKeys.all, "containers", filter] as const,
  container: (hostId: string, name: string) => [...fleetKeys.all, "container", hostId, name] as const,
};
