"use client";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useToast } from "@/components/ui/use-toast";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/schemas";
import type { Role } from "@/lib/auth/types";
import { useCreateUser } from "@/lib/queries/use-create-user";
import { RoleSelect } from "./role-select";

export function NewUserForm() {
  const create = useCreateUser();
  const toast = useToast();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  // The least trust by default: an admin raises it on purpose.
  const [role, setRole] = useState<Role>("viewer");

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.mutate(
      { username: username.trim(), password, role },
      {
        onSuccess: ({ user }) => {
          toast({
            tone: "success",
            outcome: "succeeded",
            title: `Added ${user.username}`,
            message: `Role: ${user.role}.`,
          });
          setUsername("");
          setPassword("");
          setRole("viewer");
        },
      },
    );
  };

  return (
    <form onSubmit={submit} aria-label="Add a user" className="space-y-2">
      <div className="flex flex-wrap items-end gap-3">
        <TextField
          label="New username"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          required
          value={username}
          onChange={(event) => setUsername(event.target.value)}
        />
        <TextField
          label="Initial password"
          type="password"
          autoComplete="new-password"
          required
          minLength={MIN_PASSWORD_LENGTH}
          placeholder={`${MIN_PASSWORD_LENGTH}+ characters`}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-600 dark:text-slate-300">
          Role
          <RoleSelect value={role} onChange={setRole} />
        </label>
        <Button type="submit" variant="primary" disabled={create.isPending}>
          Add user
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
