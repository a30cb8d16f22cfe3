"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ChannelPatch } from "@/lib/alerts/schemas";
import type { ChannelInfo } from "@/lib/alerts/types";
import { fetchJson } from "@/lib/api/fetch-json";
import { alertKeys } from "./keys";

export function useUpdateChannel() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: ChannelPatch }) =>
      fetchJson<{ channel: ChannelInfo }>(`/api/alerts/channels/${id}`, {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(patch),
      }),
    onSettled: () => client.invalidateQueries({ queryKey: alertKeys.all }),
  });
}
