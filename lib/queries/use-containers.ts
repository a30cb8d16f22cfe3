"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import type { ContainersResponse } from "@/lib/fleet/types";
import { fleetKeys } from "./keys";
import { useFetchBesideStream } from "./use-live-status";

/**
 * The whole fleet's containers. Filtering happens in the browser so that typing in the filter box or
 * sorting never waits on the engines. The event stream's snapshot fills it first (lib/queries/
 * apply-fleet-message.ts); it is fetched on its own only when the stream does not deliver, or on "Refresh".
 */
export function useContainers() {
  const fetchNow = useFetchBesideStream();
  return useQuery({
    queryKey: fleetKeys.containers(),
    queryFn: () => fetchJson<ContainersResponse>("/api/containers"),
    enabled: fetchNow,
  });
}
