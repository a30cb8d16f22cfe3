"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import type { HostImages } from "@/lib/images/types";
import { imageKeys } from "./keys";

/** A host's images. Engines send no event for every image change: the page reads it on open and on Refresh. */
export function useHostImages(hostId: string) {
  return useQuery({
    queryKey: imageKeys.host(hostId),
    queryFn: () => fetchJson<HostImages>(`/api/hosts/${encodeURIComponent(hostId)}/images`),
  });
}
