"use client";
import { useMutationState, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import type { ActionProgress } from "@/lib/actions/types";
import { actionKeys } from "./keys";
import type { ContainerActionInput } from "./use-container-action";
import type { ContainerRef } from "./use-bulk-restart";

type Sent = ContainerActionInput | { containers: ContainerRef[] } | undefined;

/**
 * "hostId/name" of every container an action runs on: those the event stream reports as running (whoever
 * started them), plus those this tab has asked for and not heard back about yet. One subscription for a whole
 * view: a table reads it once and hands each row a boolean.
 */
export function useRunningActions(): ReadonlySet<string> {
  const { data: progress } = useQuery({
    queryKey: actionKeys.progress(),
    queryFn: () => ({}) as Record<string, ActionProgress>,
    staleTime: Infinity,
  });
  const sent = useMutationState({
    filters: { mutationKey: actionKeys.run(), status: "pending" },
    select: (mutation) => mutation.state.variables as Sent,
  });
  return useMemo(() => {
    const keys = new Set<string>();
    for (const [key, item] of Object.entries(progress ?? {})) if (!item.done) keys.add(key);
    for (const input of sent) {
      if (!input) continue;
      for (const target of "containers" in input ? input.containers : [input])
        keys.add(`${target.hostId}/${target.name}`);
    }
    return keys;
  }, [progress, sent]);
}
