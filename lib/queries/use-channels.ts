"use client";
import { useQuery } from "@tanstack/react-query";
import type { ChannelInfo } from "@/lib/alerts/types";
import { fetchJson } from "@/lib/api/fetch-json";
import { alertKeys } from "./keys";

export function useChannels() {
  return useQuery({
    queryKey: alertKeys.channels(),
    queryFn: () => fetchJson<{ channels: ChannelInfo[] }>("/api/alerts/channels"),
  });
}
