"use client";
import { useQuery } from "@tanstack/react-query";
import type { DeliveryInfo } from "@/lib/alerts/types";
import { fetchJson } from "@/lib/api/fetch-json";
import { alertKeys } from "./keys";

/** Read when the list is opened, and again after a test; retries settle on their own time, so staleTime 0. */
export function useChannelDeliveries(channelId: number, enabled: boolean) {
  return useQuery({
    queryKey: alertKeys.deliveries(channelId),
    queryFn: () =>
      fetchJson<{ deliveries: DeliveryInfo[] }>(`/api/alerts/channels/${channelId}/deliveries?limit=20`),
    enabled,
    staleTime: 0,
  });
}
