"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import type { AutohealPolicy, NewAutohealPolicy } from "@/lib/autoheal/types";
import { autohealKeys } from "./keys";

/** Opts a host, or a compose project on one host, into auto-heal (an operator's change, audited). */
export function useSetAutohealPolicy() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (policy: Pick<NewAutohealPolicy, "hostId" | "project">) =>
      fetchJson<{ policy: AutohealPolicy }>("/api/autoheal/policies", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(policy),
      }),
    onSettled: () => client.invalidateQueries({ queryKey: autohealKeys.all }),
  });
}
