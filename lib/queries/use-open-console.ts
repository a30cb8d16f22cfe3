"use client";
import { useMutation } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import type { ConsoleTicket } from "@/lib/console/types";

export type OpenConsoleInput = { command: string[]; cols: number; rows: number };

/** Asks for a one-time console ticket (POST …/console); the terminal then opens the WebSocket with it. */
export function useOpenConsole(hostId: string, name: string) {
  return useMutation({
    mutationFn: (input: OpenConsoleInput) =>
      fetchJson<ConsoleTicket>(
        `/api/containers/${encodeURIComponent(hostId)}/${encodeURIComponent(name)}/console`,
        { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(input) },
      ),
  });
}
