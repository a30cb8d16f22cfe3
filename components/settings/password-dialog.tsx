"use client";
import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/text-field";
import { passwordSchema } from "@/lib/auth/schemas";

/** Asks for a user's new password; checked here first, so a short one does not close the dialog. */
export function PasswordDialog({
  open,
  username,
  onSubmit,
  onCancel,
}: {
  open: boolean;
  username: string;
  onSubmit: (password: string) => void;
  onCancel: () => void;
}) {
  const [password, setPassword] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const reset = () => {
    setPassword("");
    setProblem(null);
  };
  const confirm = () => {
    const checked = passwordSchema.safeParse(password);
    if (!checked.success) {
      setProblem(`The password ${checked.error.issues[0]?.message ?? "is not valid"}`);
      return;
    }
    reset();
    onSubmit(checked.data);
  };
  return (
    <ConfirmDialog
      open={open}
      title={`Reset the password of ${username}`}
      confirmLabel="Save password"
      variant="primary"
      onConfirm={confirm}
      onCancel={() => {
        reset();
        onCancel();
      }}
    >
      <p>{username} is signed out everywhere and signs in again with the new password.</p>
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
      />
      {problem && (
        <p role="alert" className="text-red-700 dark:text-red-400">
          {problem}
        </p>
      )}
    </ConfirmDialog>
  );
}
