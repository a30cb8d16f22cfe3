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
  // Empty: a token of the signed-in admin, which dies with their account. Named: a service token of that owner.
  const [serviceOwner, setServiceOwner] = useState("");
  const [service, setService] = useState(false);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.mutate(
      {
        name: name.trim(),
        role,
        expiresAt: expires ? endOfDay(expires) : null,
        ...(service ? { serviceOwner: serviceOwner.trim() } : {}),
      },
      {
        onSuccess: (created) => {
          onCreated(created);
          setName("");
          setRole("viewer");
          setExpires("");
          setService(false);
          setServiceOwner("");
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
        <label className="flex items-center gap-2 self-center text-sm text-slate-700 dark:text-slate-200">
          <input
            type="checkbox"
            data-testid="service-token"
            checked={service}
            onChange={(event) => setService(event.target.checked)}
            className="h-4 w-4 accent-sky-700"
          />
          Service token
        </label>
        {service && (
          <TextField
            label="Owner (team or person)"
            autoComplete="off"
            required
            maxLength={80}
            placeholder="Platform team"
            value={serviceOwner}
            onChange={(event) => setServiceOwner(event.target.value)}
          />
        )}
        <Button type="submit" variant="primary" disabled={create.isPending}>
          Create token
        </Button>
      </div>
      <p className="text-xs text-slate-500 dark:text-slate-400">
        {service
          ? "A service token belongs to no account: it keeps working whoever leaves, until it is revoked or expires."
          : "The token is yours: it acts as you at most, stops while you are disabled and is revoked if your account is deleted."}
      </p>
      {create.error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {create.error.message}
        </p>
      )}
    </form>
  );
}
