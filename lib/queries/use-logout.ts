"use client";
import { useMutation } from "@tanstack/react-query";
import { WharfError } from "@/lib/core/errors";
import { fetchJson } from "@/lib/api/fetch-json";
import { LOGIN_PATH } from "@/lib/auth/login-redirect";

/**
 * Signs out, then loads the sign-in page afresh: a full navigation drops the query cache and closes the event
 * stream, so nothing read while signed in stays in memory.
 */
export function useLogout() {
  return useMutation({
    mutationFn: async () => {
      try {
        await fetchJson<{ ok: true }>("/api/auth/logout", { method: "POST" });
      } catch (error) {
        // A session that already lapsed is signed out all the same.
        if (!(error instanceof WharfError && error.code === "UNAUTHORIZED")) throw error;
      }
    },
    onSuccess: () => window.location.assign(LOGIN_PATH),
  });
}
