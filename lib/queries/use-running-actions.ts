"use client";
import { useMutationState, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import type { ActionProgress } from "@/lib/fleet/live/messages";
import type { ActionName } from "@/lib/history/types";
import { actionKeys } from "./keys";
import type { ContainerActionInput } from "./use-container-action";
import type { ContainerRef } from "./use-bulk-restart";

type Sent = ContainerActionInput | { containers: ContainerRef[] } | undefined;

/**
 * "hostId/name" of every container an action runs on, with the action: those the event stream reports as
 * running (whoever started them), plus those this tab has asked for and not heard back about yet. One
 * subscription for a whole view: a table reads it once and hands each row what runs on it.
 */
export function useRunningActions(): ReadonlyMap<string, ActionName> {
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
    const keys = new Map<string, ActionName>();
    for (const input of sent) {
      if (!input) continue;
      const action = "containers" in input ? "restart" : input.action;
      for (const target of "containers" in input ? input.containers : [input])
        keys.set(`${target.hostId}/${target.name}`, action);
    }
    // What the server reports wins over what this tab asked for.
    for (const [key, item] of Object.entries(progress ?? {})) if (!item.done) keys.set(key, item.action);
    return keys;
  }, [progress, sent]);
}
