"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { actionKeys } from "./keys";
import { invalidateRestarted, postRestart, type BulkRestartCallbacks } from "./use-bulk-restart";

/**
 * "Restart crashed" for one host, or the whole fleet without `hostId`. The server picks the containers (exited
 * with an error, OOM-killed or dead), so what gets restarted is what it sees now, not what this tab last saw.
 */
export function useRestartCrashed(hostId: string | undefined, callbacks: BulkRestartCallbacks = {}) {
  const client = useQueryClient();
  return useMutation({
    mutationKey: actionKeys.restartCrashed(hostId ?? null),
    mutationFn: () => postRestart("/api/actions/restart-crashed", hostId ? { hostId } : {}),
    onSuccess: (response) => callbacks.onSuccess?.(response),
    onError: (error) => callbacks.onError?.(error),
    onSettled: (response) => invalidateRestarted(client, response?.results ?? []),
  });
}
