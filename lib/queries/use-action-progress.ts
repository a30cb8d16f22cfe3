"use client";
import { useQuery } from "@tanstack/react-query";
import type { ActionProgress } from "@/lib/fleet/live/messages";
import { actionKeys } from "./keys";

/** Where a container's running action stands, as the event stream reports it (no request of its own). */
export function useActionProgress(hostId: string, name: string): ActionProgress | undefined {
  const { data } = useQuery({
    queryKey: actionKeys.progress(),
    queryFn: () => ({}) as Record<string, ActionProgress>,
    staleTime: Infinity,
  });
  return data?.[`${hostId}/${name}`];
}
