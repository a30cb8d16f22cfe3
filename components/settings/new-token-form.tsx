"use client";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { Role } from "@/lib/auth/types";
import { useCreateToken, type CreatedToken } from "@/lib/queries/use-create-token";
import { RoleSelect } from "./role-select";

/** A date picked for expiry means "valid through that day" where the admin is, sent as an ISO instant. */
function endOfDay(date: string): string {
  const [year = 0, month = 1, day = 1] = date.split("-").map(Number);
  return new Date(year, month - 1, day, 23, 59, 59).toISOString();
}

function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function NewTokenForm({ onCreated }: { onCreated: (created: CreatedToken) => void }) {
  const create = useCreateToken();
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("viewer");
  const [expires, setExpires] = useState("");

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.mutate(
      { name: name.trim(), role, expiresAt: expires ? endOfDay(expires) : null },
      {
        onSuccess: (created) => {
          onCreated(created);
          setName("");
          setRole("viewer");
          setExpires("");
        },
      },
    );
  };

  return (
    <form onSubmit={submit} aria-label="Create an API token" className="space-y-2">
      <div className="flex flex-wrap items-end gap-3">
        <TextField
          label="Token name"
          autoComplete="off"
          required
          maxLength={64}
          placeholder="ci-deploy"
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-600 dark:text-slate-300">
          Token role
          <RoleSelect value={role} onChange={setRole} />
        </label>
        <TextField
          label="Expires after (optional)"
          type="date"
          min={today()}
          value={expires}
          onChange={(event) => setExpires(event.target.value)}
        />
        <Button type="submit" variant="primary" disabled={create.isPending}>
          Create token
        </Button>
      </div>
      {create.error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {create.error.message}
        </p>
      )}
    </form>
  );
}
