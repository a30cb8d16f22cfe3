"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import type { HostsResponse } from "@/lib/fleet/types";
import { fleetKeys } from "./keys";

/**
 * Whether the stream's hosts are all down: the stream is live, yet it watches nothing. Read from the cache the
 * stream keeps and never fetched, so every page's header can ask without a request of its own.
 */
export function useNoEngineReached(): boolean {
  const { data } = useQuery({
    queryKey: fleetKeys.hosts(),
    // The same reader as useHosts: an invalidation may run whichever observer's function the query holds.
    queryFn: () => fetchJson<HostsResponse>("/api/hosts"),
    enabled: false,
  });
  return !!data && data.hosts.length > 0 && data.hosts.every((host) => host.status === "down");
}
