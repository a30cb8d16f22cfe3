"use client";
import { useState, type FormEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useAuthSetup } from "@/lib/queries/use-auth-setup";
import { useLogin } from "@/lib/queries/use-login";
import { NoUsersHint } from "./no-users-hint";

/**
 * `next` must already be a safe path on this site (safeNextPath): it is navigated to as is. `children`: what the
 * server puts above the form (single sign-on's button and why it last failed).
 */
export function LoginForm({ next, children }: { next: string; children?: ReactNode }) {
  const login = useLogin();
  const setup = useAuthSetup();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    login.mutate(
      { username, password },
      {
        // A full load rather than a client-side push: the signed-in pages start from an empty cache (nothing
        // cached from the refused requests before) and open their event stream with the new cookie.
        onSuccess: () => window.location.assign(next),
        onError: () => setPassword(""),
      },
    );
  };
  // Stays disabled after success too, while the next page loads.
  const busy = login.isPending || login.isSuccess;

  return (
    <div className="mx-auto mt-8 max-w-sm space-y-4">
      <h1 className="text-2xl font-semibold">Sign in to Wharf</h1>
      {setup.data?.usersExist === false && <NoUsersHint />}
      {children}
      <form
        onSubmit={submit}
        aria-busy={busy}
        className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900"
      >
        <TextField
          label="Username"
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          autoFocus
          value={username}
          onChange={(event) => setUsername(event.target.value)}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        {login.error && (
          <p data-testid="login-error" role="alert" className="text-sm text-red-700 dark:text-red-400">
            {login.error.message}
          </p>
        )}
        <Button type="submit" variant="primary" disabled={busy} className="w-full">
          Sign in
        </Button>
      </form>
    </div>
  );
}
