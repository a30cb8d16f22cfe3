"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import type { PrunePreview, PruneResult } from "@/lib/images/types";
import { historyKeys, imageKeys } from "./keys";

const prunePath = (hostId: string) => `/api/hosts/${encodeURIComponent(hostId)}/images/prune`;
const post = <T>(hostId: string, body: unknown) =>
  fetchJson<T>(prunePath(hostId), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

/** The dry run: what a prune would remove now. A mutation: it is asked for, and shown once, by one dialog. */
export function usePrunePreview(hostId: string) {
  return useMutation({ mutationFn: () => post<PrunePreview>(hostId, { dryRun: true }) });
}

/** Removes the previewed images; the list and the history (where the prune is a row) read again. */
export function usePruneImages(hostId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) => post<PruneResult>(hostId, { dryRun: false, ids }),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: imageKeys.host(hostId) });
      void queryClient.invalidateQueries({ queryKey: historyKeys.all });
    },
  });
}
