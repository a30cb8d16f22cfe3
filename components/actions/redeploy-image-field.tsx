"use client";
import { useId } from "react";
import { fieldClass } from "@/components/ui/field-class";
import { stripTagAndDigest } from "@/lib/actions/image-rule";

/** The image part of the redeploy dialog; empty means "pull its own reference again". */
export function RedeployImageField({
  current,
  admin,
  value,
  problem,
  onChange,
}: {
  current: string;
  admin: boolean;
  value: string;
  problem: string | null;
  onChange: (value: string) => void;
}) {
  const id = useId();
  const repository = stripTagAndDigest(current);
  return (
    <div className="flex flex-col gap-1 text-slate-800 dark:text-slate-100">
      <label htmlFor={id} className="text-xs font-medium">
        {admin ? "Image (leave empty to pull its own reference again)" : `New tag or digest of ${repository}`}
      </label>
      <div className="flex items-center gap-1">
        {!admin && <code className="shrink-0 text-xs text-slate-500">{repository}:</code>}
        <input
          id={id}
          data-testid="redeploy-image"
          value={value}
          placeholder={admin ? current : current.slice(repository.length + 1) || "latest"}
          onChange={(event) => onChange(event.target.value)}
          aria-invalid={problem !== null}
          className={`${fieldClass} min-w-0 flex-1 font-mono`}
        />
      </div>
      {problem ? (
        <p
          role="alert"
          data-testid="redeploy-image-problem"
          className="text-xs text-red-700 dark:text-red-400"
        >
          {problem}
        </p>
      ) : (
        !admin && <p className="text-xs text-slate-500">Another repository needs an admin.</p>
      )}
    </div>
  );
}
