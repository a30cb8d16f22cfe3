"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import type { Incident } from "@/lib/fleet/incident-types";
import { incidentKeys } from "./keys";

export function useAcknowledgeIncident() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) =>
      fetchJson<{ incident: Incident }>(`/api/incidents/${id}/ack`, { method: "POST" }),
    onSuccess: () => client.invalidateQueries({ queryKey: incidentKeys.all }),
  });
}
