"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { WharfError } from "@/lib/core/errors";
import { fetchJson } from "@/lib/api/fetch-json";
import type { Outcome } from "@/lib/history/types";
import { actionKeys, fleetKeys, historyKeys } from "./keys";

export type ContainerRef = { hostId: string; name: string };

/** One container's answer in a bulk restart: `outcome` is null when it was refused (busy, gone, host down). */
export type BulkRestartResult = ContainerRef & {
  historyId: number | null;
  outcome: Outcome | null;
  message: string;
};
export type BulkRestartResponse = { results: BulkRestartResult[] };

export type BulkRestartCallbacks = {
  onSuccess?: (response: BulkRestartResponse) => void;
  onError?: (error: Error) => void;
};

// The endpoint takes at most 500 containers a request (lib/actions/schemas.ts).
const CHUNK = 500;

/** Restarts a selection of containers; each gets its own outcome. */
export function useBulkRestart(callbacks: BulkRestartCallbacks = {}) {
  const client = useQueryClient();
  return useMutation({
    mutationKey: actionKeys.run(),
    mutationFn: async ({ containers }: { containers: ContainerRef[] }) => {
      const results: BulkRestartResult[] = [];
      for (let start = 0; start < containers.length; start += CHUNK) {
        const response = await postRestart("/api/actions/restart", {
          containers: containers.slice(start, start + CHUNK),
        });
        results.push(...response.results);
      }
      return { results };
    },
    onSuccess: (response) => callbacks.onSuccess?.(response),
    onError: (error) => callbacks.onError?.(error),
    onSettled: (_response, _error, { containers }) => invalidateRestarted(client, containers),
  });
}

export async function postRestart(url: string, body: unknown): Promise<BulkRestartResponse> {
  try {
    return await fetchJson<BulkRestartResponse>(url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-wharf-source": "ui" },
      body: JSON.stringify(body),
    });
  } catch (error) {
    // Some containers not restarted is an error status (INCOMPLETE) that still lists every result: the toast
    // names the failures from those.
    const results =
      error instanceof WharfError ? (error.extra?.results as BulkRestartResult[] | undefined) : undefined;
    if (Array.isArray(results)) return { results };
    throw error;
  }
}

export function invalidateRestarted(client: ReturnType<typeof useQueryClient>, containers: ContainerRef[]) {
  return Promise.all([
    ...containers.map((c) => client.invalidateQueries({ queryKey: fleetKeys.container(c.hostId, c.name) })),
    client.invalidateQueries({ queryKey: historyKeys.all }),
  ]);
}
