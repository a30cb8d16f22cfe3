"use client";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { fieldClass } from "@/components/ui/field-class";
import { TextField } from "@/components/ui/text-field";
import { useToast } from "@/components/ui/use-toast";
import type { Scope } from "@/lib/core/access-rule";
import type { GrantHolder, Role } from "@/lib/auth/types";
import { useAddGrant } from "@/lib/queries/use-add-grant";
import { useTeams } from "@/lib/queries/use-teams";
import { useTokens } from "@/lib/queries/use-tokens";
import { useUsers } from "@/lib/queries/use-users";
import { RoleSelect } from "./role-select";

const kinds = ["hosts", "projects", "names", "services"] as const;
const list = (text: string) =>
  text
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");

/** Grant a role to a user, a team or a token; scope fields left empty grant the whole fleet. */
export function GrantForm() {
  const add = useAddGrant();
  const toast = useToast();
  const users = useUsers().data?.users ?? [];
  const teams = useTeams().data?.teams ?? [];
  const tokens = (useTokens().data?.tokens ?? []).filter((token) => token.revokedAt === null);
  const [holder, setHolder] = useState("");
  const [role, setRole] = useState<Role>("viewer");
  const [fields, setFields] = useState<Record<(typeof kinds)[number], string>>({
    hosts: "",
    projects: "",
    names: "",
    services: "",
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const [kind, id] = holder.split(":");
    const scope: Scope = {};
    for (const k of kinds) if (list(fields[k]).length > 0) scope[k] = list(fields[k]);
    add.mutate(
      {
        holder: { kind: kind as GrantHolder["kind"], id: Number(id) },
        role,
        scope: Object.keys(scope).length === 0 ? null : scope,
      },
      {
        onSuccess: () => setFields({ hosts: "", projects: "", names: "", services: "" }),
        onError: (failure) =>
          toast({ tone: "error", outcome: "error", title: "Cannot grant", message: failure.message }),
      },
    );
  };

  return (
    <form onSubmit={submit} aria-label="Add a grant" className="flex flex-wrap items-end gap-3">
      <div className="flex flex-col gap-1">
        <label htmlFor="grant-holder" className="text-xs font-medium text-slate-600 dark:text-slate-300">
          To
        </label>
        <select
          id="grant-holder"
          required
          className={fieldClass}
          value={holder}
          onChange={(event) => setHolder(event.target.value)}
        >
          <option value="">Choose…</option>
          <optgroup label="Users">
            {users.map((user) => (
              <option key={user.id} value={`user:${user.id}`}>
                {user.username}
              </option>
            ))}
          </optgroup>
          <optgroup label="Teams">
            {teams.map((team) => (
              <option key={team.id} value={`team:${team.id}`}>
                {team.name}
              </option>
            ))}
          </optgroup>
          <optgroup label="API tokens">
            {tokens.map((token) => (
              <option key={token.id} value={`token:${token.id}`}>
                {token.name}
              </option>
            ))}
          </optgroup>
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <span className="text-xs font-medium text-slate-600 dark:text-slate-300">Role</span>
        <RoleSelect aria-label="Role to grant" value={role} onChange={setRole} />
      </div>
      {kinds.map((kind) => (
        <TextField
          key={kind}
          label={`${kind[0]!.toUpperCase()}${kind.slice(1)} (comma-separated)`}
          placeholder={{ hosts: "prod-1", projects: "shop", names: "shop-*", services: "api" }[kind]}
          value={fields[kind]}
          onChange={(event) => setFields({ ...fields, [kind]: event.target.value })}
        />
      ))}
      <Button type="submit" variant="primary" disabled={add.isPending || holder === ""}>
        Grant
      </Button>
    </form>
  );
}
