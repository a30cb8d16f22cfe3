"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import type { ContainerResponse } from "@/lib/fleet/types";
import { fleetKeys } from "./keys";

export function useContainer(hostId: string, name: string) {
  return useQuery({
    queryKey: fleetKeys.container(hostId, name),
    queryFn: () =>
      fetchJson<ContainerResponse>(
        `/api/containers/${encodeURIComponent(hostId)}/${encodeURIComponent(name)}`,
      ),
    retry: (count, error) => (error as { code?: string }).code !== "NOT_FOUND" && count < 2,
  });
}
