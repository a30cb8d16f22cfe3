"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import type { AutohealStatusResponse } from "@/lib/autoheal/types";
import { autohealKeys } from "./keys";

/** The auto-heal policy in force for a container and its next try; re-read whenever its row changes. */
export function useAutohealStatus(hostId: string, name: string) {
  return useQuery({
    queryKey: autohealKeys.status(hostId, name),
    queryFn: () =>
      fetchJson<AutohealStatusResponse>(
        `/api/autoheal/status?${new URLSearchParams({ host: hostId, container: name })}`,
      ),
  });
}
