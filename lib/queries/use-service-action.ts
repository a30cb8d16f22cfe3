"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import { WharfError } from "@/lib/core/errors";
import type { ServiceActionName, ServiceActionResult } from "@/lib/services/types";
import { incidentKeys, swarmKeys } from "./keys";

export type ServiceActionInput = {
  hostId: string;
  name: string;
  action: ServiceActionName;
  /** scale only. */
  replicas?: number;
};

/**
 * Redeploy, roll back, scale or restart a service. The request lasts as long as the update; the page shows it
 * converging from the event stream meanwhile. A rolled-back or failed update answers an error status carrying
 * its settled result: that result is the outcome shown, not a generic error.
 */
export function useServiceAction(onDone: (result: ServiceActionResult | Error) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: ServiceActionInput) => {
      try {
        return await fetchJson<ServiceActionResult>(
          `/api/services/${encodeURIComponent(input.hostId)}/${encodeURIComponent(input.name)}/${input.action}`,
          {
            method: "POST",
            headers: { "content-type": "application/json", "x-wharf-source": "ui" },
            body: JSON.stringify(input.action === "scale" ? { replicas: input.replicas } : {}),
          },
        );
      } catch (error) {
        const extra =
          error instanceof WharfError ? (error.extra as Partial<ServiceActionResult> | undefined) : undefined;
        if (extra && typeof extra.historyId === "number" && extra.entry) return extra as ServiceActionResult;
        throw error;
      }
    },
    onSuccess: (result) => onDone(result),
    onError: (error) => onDone(error),
    // Incident cards name a service's last deploy and offer its rollback only while it is still the last.
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: swarmKeys.all }),
        client.invalidateQueries({ queryKey: incidentKeys.all }),
      ]),
  });
}
