"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import type { ServicesResponse } from "@/lib/services/types";
import { swarmKeys } from "./keys";

/** Every swarm manager's services; kept current by `service` messages on the event stream, not by polling. */
export function useServices() {
  return useQuery({
    queryKey: swarmKeys.services(),
    queryFn: () => fetchJson<ServicesResponse>("/api/services"),
  });
}
