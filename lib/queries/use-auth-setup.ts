"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import { authKeys } from "./keys";

/** Whether anyone could sign in yet: the sign-in page explains how to create the first admin when not. */
export function useAuthSetup() {
  return useQuery({
    queryKey: authKeys.setup(),
    queryFn: () => fetchJson<{ usersExist: boolean }>("/api/auth/setup"),
  });
}
