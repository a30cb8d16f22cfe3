"use client";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { isLoginPath } from "@/lib/auth/login-redirect";

/** The header's navigation and user menu: nothing to navigate to before signing in. */
export function HiddenOnLogin({ children }: { children: ReactNode }) {
  return isLoginPath(usePathname()) ? null : children;
}
