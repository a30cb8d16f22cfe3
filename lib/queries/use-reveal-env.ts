"use client";
import { useMutation } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";

export type RevealedEnv = { key: string; value: string };

/**
 * Reads one environment value (audited on the server). A mutation, not a query: the value stays in the
 * component that asked for it and never enters the shared cache, where another view could show it.
 */
export function useRevealEnv(hostId: string, name: string) {
  return useMutation({
    mutationFn: (key: string) =>
      fetchJson<RevealedEnv>(
        `/api/containers/${encodeURIComponent(hostId)}/${encodeURIComponent(name)}/env/reveal`,
        { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ key }) },
      ),
  });
}
