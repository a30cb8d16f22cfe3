"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { NewChannel } from "@/lib/alerts/schemas";
import type { ChannelInfo } from "@/lib/alerts/types";
import { fetchJson } from "@/lib/api/fetch-json";
import { alertKeys } from "./keys";

export function useCreateChannel() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (channel: NewChannel) =>
      fetchJson<{ channel: ChannelInfo }>("/api/alerts/channels", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(channel),
      }),
    onSettled: () => client.invalidateQueries({ queryKey: alertKeys.all }),
  });
}
