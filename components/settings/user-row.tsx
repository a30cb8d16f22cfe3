"use client";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/use-toast";
import type { UserPatch } from "@/lib/auth/schemas";
import type { User } from "@/lib/auth/types";
import { useDeleteUser } from "@/lib/queries/use-delete-user";
import { useUpdateUser } from "@/lib/queries/use-update-user";
import { PasswordDialog } from "./password-dialog";
import { RoleSelect } from "./role-select";
import { Moment } from "@/components/ui/moment";

// Demoting, disabling or deleting oneself is how an admin locks themselves out by a slip of the mouse.
const NOT_YOURSELF = "Not on your own account: ask another admin";

/** One user, with its own mutations so a pending change on one row never disables the others. */
export function UserRow({ user, self }: { user: User; self: boolean }) {
  const update = useUpdateUser();
  const remove = useDeleteUser();
  const toast = useToast();
  const [asking, setAsking] = useState<"password" | "disable" | "delete" | null>(null);
  const { username } = user;
  const disabled = user.disabledAt !== null;
  const busy = update.isPending || remove.isPending;
  const failed = (title: string) => (error: Error) =>
    toast({ tone: "error", outcome: "error", title, message: error.message });
  const change = (patch: UserPatch, done: string) => {
    setAsking(null);
    update.mutate(
      { id: user.id, patch },
      {
        onSuccess: () => toast({ tone: "success", outcome: "succeeded", title: done }),
        onError: failed(`Cannot change ${username}`),
      },
    );
  };

  return (
    <tr
      data-testid="user-row"
      data-username={username}
      data-role={user.role}
      data-disabled={disabled ? "1" : "0"}
    >
      <td className="px-2 py-2 font-medium">
        {username}
        {self && <span className="font-normal text-slate-500 dark:text-slate-400"> (you)</span>}
      </td>
      <td data-label="role" className="px-2 py-2" data-scoped={user.scoped ? "1" : "0"}>
        <RoleSelect
          aria-label={`Role of ${username}`}
          value={user.role}
          disabled={busy || self}
          title={self ? NOT_YOURSELF : undefined}
          onChange={(role) => change({ role }, `${username} is now ${role}`)}
        />
      </td>
      <td data-label="created" className="px-2 py-2">
        <Moment iso={user.createdAt} />
      </td>
      <td data-label="status" className="px-2 py-2">
        {disabled ? (
          <span className="flex items-center gap-2">
            <Badge tone="red">disabled</Badge>
            <Moment iso={user.disabledAt} />
          </span>
        ) : (
          <Badge tone="green">active</Badge>
        )}
      </td>
      <td className="px-2 py-2">
        <div className="flex justify-end gap-2">
          <Button size="sm" disabled={busy} onClick={() => setAsking("password")}>
            Reset password
          </Button>
          {disabled ? (
            <Button
              size="sm"
              disabled={busy}
              onClick={() => change({ disabled: false }, `${username} can sign in again`)}
            >
              Enable
            </Button>
          ) : (
            <Button
              size="sm"
              disabled={busy || self}
              title={self ? NOT_YOURSELF : undefined}
              onClick={() => setAsking("disable")}
            >
              Disable
            </Button>
          )}
          <Button
            size="sm"
            disabled={busy || self}
            title={
              self
                ? NOT_YOURSELF
                : user.scoped
                  ? "Their role applies to the whole fleet again, besides their grants"
                  : "Their role stops applying fleet-wide: only their grants (and their teams') do"
            }
            onClick={() =>
              change(
                { scoped: !user.scoped },
                user.scoped
                  ? `${username}'s role applies fleet-wide`
                  : `${username} has only their grants now`,
              )
            }
          >
            {user.scoped ? "Unscope" : "Scope to grants"}
          </Button>
          <Button
            size="sm"
            variant="danger"
            disabled={busy || self}
            title={self ? NOT_YOURSELF : undefined}
            onClick={() => setAsking("delete")}
          >
            Delete
          </Button>
        </div>
        <PasswordDialog
          open={asking === "password"}
          username={username}
          onSubmit={(password) => change({ password }, `New password set for ${username}`)}
          onCancel={() => setAsking(null)}
        />
        <ConfirmDialog
          open={asking === "disable"}
          title={`Disable ${username}?`}
          confirmLabel="Disable"
          onConfirm={() => change({ disabled: true }, `${username} is disabled`)}
          onCancel={() => setAsking(null)}
        >
          <p>{username} is signed out everywhere and cannot sign in until enabled again.</p>
        </ConfirmDialog>
        <ConfirmDialog
          open={asking === "delete"}
          title={`Delete ${username}?`}
          confirmLabel="Delete"
          onConfirm={() => {
            setAsking(null);
            remove.mutate(user.id, {
              onSuccess: () => toast({ tone: "success", outcome: "succeeded", title: `Deleted ${username}` }),
              onError: failed(`Cannot delete ${username}`),
            });
          }}
          onCancel={() => setAsking(null)}
        >
          <p>The account and its sessions are removed for good. The audit log keeps what {username} did.</p>
        </ConfirmDialog>
      </td>
    </tr>
  );
}
