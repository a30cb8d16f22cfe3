"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import type { ServiceResponse } from "@/lib/services/types";
import { swarmKeys } from "./keys";

/** One service with its tasks, history and incidents (only while `enabled`: a folded row reads nothing). */
export function useService(hostId: string, name: string, enabled = true) {
  return useQuery({
    queryKey: swarmKeys.service(hostId, name),
    queryFn: () =>
      fetchJson<ServiceResponse>(`/api/services/${encodeURIComponent(hostId)}/${encodeURIComponent(name)}`),
    enabled,
  });
}
