"use client";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { fieldClass } from "@/components/ui/field-class";
import { useToast } from "@/components/ui/use-toast";
import type { Team, User } from "@/lib/auth/types";
import { useDeleteTeam } from "@/lib/queries/use-delete-team";
import { useTeamMember } from "@/lib/queries/use-team-member";

/** One team: its members, adding and removing them, deleting it. */
export function TeamCard({ team, users }: { team: Team; users: User[] }) {
  const member = useTeamMember();
  const remove = useDeleteTeam();
  const toast = useToast();
  const [adding, setAdding] = useState("");
  const [confirming, setConfirming] = useState(false);
  const failed = (title: string) => (error: Error) =>
    toast({ tone: "error", outcome: "error", title, message: error.message });
  const members = new Set(team.members.map((m) => m.userId));
  const busy = member.isPending || remove.isPending;
  return (
    <li
      data-testid="team-card"
      data-team={team.name}
      className="space-y-2 rounded-md border border-slate-200 p-3 dark:border-slate-800"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="font-medium">{team.name}</h3>
        <Button size="sm" variant="danger" disabled={busy} onClick={() => setConfirming(true)}>
          Delete team
        </Button>
      </div>
      <ul aria-label={`Members of ${team.name}`} className="flex flex-wrap gap-2">
        {team.members.length === 0 && <li className="text-sm text-slate-500">No members.</li>}
        {team.members.map((m) => (
          <li key={m.userId} className="flex items-center gap-1 text-sm">
            {m.username}
            {m.source === "sso" && <Badge tone="gray">sso</Badge>}
            <Button
              size="sm"
              aria-label={`Remove ${m.username} from ${team.name}`}
              disabled={busy}
              onClick={() =>
                member.mutate(
                  { teamId: team.id, userId: m.userId, adding: false },
                  { onError: failed(`Cannot remove ${m.username}`) },
                )
              }
            >
              ×
            </Button>
          </li>
        ))}
      </ul>
      <div className="flex items-center gap-2">
        <select
          aria-label={`User to add to ${team.name}`}
          className={fieldClass}
          value={adding}
          onChange={(event) => setAdding(event.target.value)}
        >
          <option value="">Add a member…</option>
          {users
            .filter((user) => !members.has(user.id))
            .map((user) => (
              <option key={user.id} value={user.id}>
                {user.username}
              </option>
            ))}
        </select>
        <Button
          size="sm"
          disabled={busy || adding === ""}
          onClick={() =>
            member.mutate(
              { teamId: team.id, userId: Number(adding), adding: true },
              { onSuccess: () => setAdding(""), onError: failed("Cannot add the member") },
            )
          }
        >
          Add
        </Button>
      </div>
      <ConfirmDialog
        open={confirming}
        title={`Delete team ${team.name}?`}
        confirmLabel="Delete team"
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          remove.mutate(team.id, { onError: failed(`Cannot delete ${team.name}`) });
        }}
      >
        Its members lose what its grants gave them, and their open pages that can no longer see what they show
        are closed.
      </ConfirmDialog>
    </li>
  );
}
