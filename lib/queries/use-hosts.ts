"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import type { HostsResponse } from "@/lib/fleet/types";
import { fleetKeys } from "./keys";
import { useFetchBesideStream } from "./use-live-status";

/** The hosts and their counts: from the event stream's snapshot, fetched only when the stream does not deliver. */
export function useHosts() {
  const fetchNow = useFetchBesideStream();
  return useQuery({
    queryKey: fleetKeys.hosts(),
    queryFn: () => fetchJson<HostsResponse>("/api/hosts"),
    enabled: fetchNow,
  });
}
