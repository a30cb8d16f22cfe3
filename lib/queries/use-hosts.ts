"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import type { HostsResponse } from "@/lib/fleet/types";
import { fleetKeys } from "./keys";

export function useHosts() {
  return useQuery({ queryKey: fleetKeys.hosts(), queryFn: () => fetchJson<HostsResponse>("/api/hosts") });
}
