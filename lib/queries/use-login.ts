"use client";
import { useMutation } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import type { LoginBody } from "@/lib/auth/schemas";
import type { User } from "@/lib/auth/types";

/** Signs in; the server sets the session cookie. Failures carry the server's message (including the wait). */
export function useLogin() {
  return useMutation({
    mutationFn: (body: LoginBody) =>
      fetchJson<{ user: User }>("/api/auth/login", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      }),
  });
}
