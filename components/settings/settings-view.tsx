"use client";
import Link from "next/link";
import { Notice } from "@/components/ui/notice";
import { Spinner } from "@/components/ui/spinner";
import { WharfError } from "@/lib/core/errors";
import { loginHref } from "@/lib/auth/login-redirect";
import { hasRole } from "@/lib/auth/types";
import { useMe } from "@/lib/queries/use-me";
import { AuditPanel } from "./audit-panel";
import { AlertsPanel } from "./alerts-panel";
import { GrantsPanel } from "./grants-panel";
import { TeamsPanel } from "./teams-panel";
import { TokensPanel } from "./tokens-panel";
import { UsersPanel } from "./users-panel";

/** Users, API tokens, teams and grants, alert channels and the audit log, for admins. The API refuses everyone else; the page says so first. */
export function SettingsView() {
  const { data, error, isPending } = useMe();
  if (isPending) return <Spinner label="Checking your role…" />;
  if (error) {
    if (error instanceof WharfError && error.code === "UNAUTHORIZED") {
      return (
        <Notice title="You are signed out">
          <Link href={loginHref("/settings")} className="underline">
            Sign in
          </Link>{" "}
          to see settings.
        </Notice>
      );
    }
    return (
      <Notice tone="error" title="Cannot tell who you are">
        {error.message}
      </Notice>
    );
  }
  const { principal } = data;
  if (!hasRole(principal, "admin") || principal.scoped) {
    return (
      <Notice title="Only admins can see settings">
        You are signed in as {principal.name}, with the {principal.role} role
        {principal.scoped ? " on part of the fleet; settings need admin on the whole fleet" : ""}.
      </Notice>
    );
  }
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">Settings</h1>
      <UsersPanel me={principal.kind === "user" ? principal.name : null} />
      <TokensPanel />
      <TeamsPanel />
      <GrantsPanel />
      <AlertsPanel />
      <AuditPanel />
    </div>
  );
}
