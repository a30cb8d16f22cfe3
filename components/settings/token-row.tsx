"use client";
import { useState } from "react";
import { RoleBadge } from "@/components/auth/role-badge";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/use-toast";
import type { ApiTokenInfo, TokenOwner } from "@/lib/auth/types";
import { useRevokeToken } from "@/lib/queries/use-revoke-token";
import { Moment } from "@/components/ui/moment";

type Status = "active" | "expired" | "revoked" | "refused";

function statusOf(token: ApiTokenInfo, now: number): Status {
  if (token.revokedAt !== null) return "revoked";
  if (token.expiresAt !== null && Date.parse(token.expiresAt) <= now) return "expired";
  // Its owner is disabled or gone: refused until they are enabled again.
  if (token.effectiveRole === null) return "refused";
  return "active";
}

/** Whose the token is, the words the settings page shows: "user token of alice", "service token, owner …". */
export function ownerText(owner: TokenOwner): string {
  if (owner.kind === "service") return `service token, owner ${owner.name}`;
  if (owner.username === null) return "user token of a deleted user";
  return `user token of ${owner.username}${owner.active ? "" : " (disabled)"}`;
}

export function TokenRow({ token }: { token: ApiTokenInfo }) {
  const revoke = useRevokeToken();
  const toast = useToast();
  const [asking, setAsking] = useState(false);
  // The list is read when the page opens: its age is close enough to decide what has expired.
  const [now] = useState(Date.now);
  const status = statusOf(token, now);
  return (
    <tr
      data-testid="token-row"
      data-name={token.name}
      data-status={status}
      data-owner-kind={token.owner.kind}
    >
      <td className="px-2 py-2 font-medium">{token.name}</td>
      <td data-label="owner" className="px-2 py-2" data-testid="token-owner">
        {ownerText(token.owner)}
      </td>
      <td data-label="role" className="px-2 py-2">
        <span className="flex items-center gap-2">
          <RoleBadge role={token.role} />
          {token.effectiveRole !== null && token.effectiveRole !== token.role && (
            <span
              data-testid="token-capped"
              className="text-xs text-amber-700 dark:text-amber-400"
              title="A user token acts as its owner at most"
            >
              acts as {token.effectiveRole}
            </span>
          )}
        </span>
      </td>
      <td data-label="created" className="px-2 py-2">
        <Moment iso={token.createdAt} />{" "}
        <span className="text-slate-500 dark:text-slate-400">by {token.createdBy}</span>
      </td>
      <td data-label="last used" className="px-2 py-2">
        <Moment iso={token.lastUsedAt} fallback="never" />
      </td>
      <td data-label="expires" className="px-2 py-2">
        <Moment iso={token.expiresAt} fallback="never" />
      </td>
      <td data-label="status" className="px-2 py-2">
        {status === "revoked" ? (
          <span className="flex items-center gap-2">
            <Badge tone="red">revoked</Badge>
            <Moment iso={token.revokedAt} />
          </span>
        ) : status === "refused" ? (
          <Badge tone="amber" title="Its owner is disabled or deleted">
            refused
          </Badge>
        ) : (
          <Badge tone={status === "expired" ? "amber" : "green"}>{status}</Badge>
        )}
      </td>
      <td className="px-2 py-2 text-right">
        {token.revokedAt === null && (
          <Button size="sm" variant="danger" disabled={revoke.isPending} onClick={() => setAsking(true)}>
            Revoke
          </Button>
        )}
        <ConfirmDialog
          open={asking}
          title={`Revoke the token "${token.name}"?`}
          confirmLabel="Revoke"
          onConfirm={() => {
            setAsking(false);
            revoke.mutate(token.id, {
              onSuccess: () =>
                toast({ tone: "success", outcome: "succeeded", title: `Revoked "${token.name}"` }),
              onError: (error) =>
                toast({
                  tone: "error",
                  outcome: "error",
                  title: `Cannot revoke "${token.name}"`,
                  message: error.message,
                }),
            });
          }}
          onCancel={() => setAsking(false)}
        >
          <p>
            Every script using it is refused from now on. This cannot be undone: create a new token instead.
          </p>
        </ConfirmDialog>
      </td>
    </tr>
  );
}
