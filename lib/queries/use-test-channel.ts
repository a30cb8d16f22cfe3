"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import { alertKeys } from "./keys";

/** Sends a test message now; either way the try lands in the channel's delivery log. */
export function useTestChannel() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) =>
      fetchJson<{ ok: true; status: number | null }>(`/api/alerts/channels/${id}/test`, {
        method: "POST",
      }),
    onSettled: (_data, _error, id) => client.invalidateQueries({ queryKey: alertKeys.deliveries(id) }),
  });
}
