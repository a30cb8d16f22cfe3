"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/use-toast";
import { WharfError } from "@/lib/core/errors";
import { loginHref } from "@/lib/auth/login-redirect";
import { hasRole } from "@/lib/auth/types";
import { useLogout } from "@/lib/queries/use-logout";
import { useMe } from "@/lib/queries/use-me";
import { RoleBadge } from "./role-badge";

const link = "text-sm text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white";

/** Who is signed in, with their role; Settings for admins; Sign out. */
export function UserMenu() {
  const pathname = usePathname();
  const { data, error } = useMe();
  const toast = useToast();
  const logout = useLogout();
  if (error instanceof WharfError && error.code === "UNAUTHORIZED") {
    return (
      <Link href={loginHref(pathname)} className={link}>
        Sign in
      </Link>
    );
  }
  if (!data) return null;
  const { principal } = data;
  return (
    <div data-testid="user-menu" className="flex items-center gap-3">
      <span className="flex items-center gap-2 text-sm">
        <span data-testid="user-name" className="font-medium">
          {principal.name}
        </span>
        <RoleBadge role={principal.role} />
      </span>
      {hasRole(principal, "admin") && (
        <Link href="/settings" className={link}>
          Settings
        </Link>
      )}
      {/* A token is no session: there is nothing to sign out of. */}
      {principal.kind === "user" && (
        <Button
          size="sm"
          disabled={logout.isPending || logout.isSuccess}
          onClick={() =>
            logout.mutate(undefined, {
              onError: (failure) =>
                toast({
                  tone: "error",
                  outcome: "error",
                  title: "Cannot sign out",
                  message: failure.message,
                }),
            })
          }
        >
          Sign out
        </Button>
      )}
    </div>
  );
}
