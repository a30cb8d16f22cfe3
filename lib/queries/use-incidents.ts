"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import type { IncidentFilter, IncidentsResponse } from "@/lib/incidents/types";
import { incidentKeys } from "./keys";

/** Incidents, newest first; the open ones stay current through the event stream. */
export function useIncidents(filter: IncidentFilter = {}) {
  return useQuery({
    queryKey: incidentKeys.list(filter),
    queryFn: () => {
      const params = new URLSearchParams();
      if (filter.open !== undefined) params.set("open", filter.open ? "1" : "0");
      if (filter.target) params.set("target", filter.target);
      if (filter.hostId) params.set("host", filter.hostId);
      if (filter.containerName) params.set("container", filter.containerName);
      if (filter.limit) params.set("limit", String(filter.limit));
      const query = params.toString();
      return fetchJson<IncidentsResponse>(`/api/incidents${query ? `?${query}` : ""}`);
    },
  });
}
