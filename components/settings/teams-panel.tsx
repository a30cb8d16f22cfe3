"use client";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { Spinner } from "@/components/ui/spinner";
import { TextField } from "@/components/ui/text-field";
import { useToast } from "@/components/ui/use-toast";
import { useCreateTeam } from "@/lib/queries/use-create-team";
import { useTeams } from "@/lib/queries/use-teams";
import { useUsers } from "@/lib/queries/use-users";
import { SettingsPanel } from "./settings-panel";
import { TeamCard } from "./team-card";

/** Teams and their members; what a team may do is its grants (the panel below). */
export function TeamsPanel() {
  const { data, error, isPending } = useTeams();
  const users = useUsers();
  const create = useCreateTeam();
  const toast = useToast();
  const [name, setName] = useState("");
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.mutate(name.trim(), {
      onSuccess: () => setName(""),
      onError: (failure) =>
        toast({ tone: "error", outcome: "error", title: "Cannot create the team", message: failure.message }),
    });
  };
  return (
    <SettingsPanel
      title="Teams"
      description="A user's access is the union of their own grants and their teams'. Memberships marked sso come from the identity provider at each sign-in."
    >
      <form onSubmit={submit} aria-label="Create a team" className="flex flex-wrap items-end gap-3">
        <TextField
          label="Team name"
          required
          maxLength={64}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <Button type="submit" variant="primary" disabled={create.isPending}>
          Create team
        </Button>
      </form>
      {isPending ? (
        <Spinner label="Loading teams…" />
      ) : error ? (
        <Notice tone="error" title="Cannot load teams">
          {error.message}
        </Notice>
      ) : data.teams.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">No teams yet.</p>
      ) : (
        <ul className="space-y-3">
          {data.teams.map((team) => (
            <TeamCard key={team.id} team={team} users={users.data?.users ?? []} />
          ))}
        </ul>
      )}
    </SettingsPanel>
  );
}
