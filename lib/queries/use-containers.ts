"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import type { ContainersResponse } from "@/lib/fleet/types";
import { fleetKeys } from "./keys";

/**
 * The whole fleet's containers. Filtering happens in the browser so that typing in the filter box or
 * sorting never waits on the engines.
 */
export function useContainers() {
  return useQuery({
    queryKey: fleetKeys.containers(),
    queryFn: () => fetchJson<ContainersResponse>("/api/containers"),
  });
}
