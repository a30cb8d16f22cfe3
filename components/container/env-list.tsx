"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useCan } from "@/lib/queries/use-can";
import { useRevealEnv } from "@/lib/queries/use-reveal-env";

/**
 * Environment variables as `KEY=••••••` (the server masks every value). An operator reveals one value with a
 * click; it is shown until hidden again or the page is left, and never kept anywhere else.
 */
export function EnvList({ hostId, name, env }: { hostId: string; name: string; env: string[] }) {
  const canReveal = useCan("operator");
  if (env.length === 0)
    return <p className="text-sm text-slate-500 dark:text-slate-400">No environment variables</p>;
  return (
    <>
      <p data-testid="env-masked-note" className="mb-2 text-xs text-slate-500 dark:text-slate-400">
        {canReveal
          ? "Values are hidden; reveal one at a time (each reveal is audited)."
          : "Values are hidden for your role."}
      </p>
      <ul className="space-y-1 font-mono text-xs">
        {env.map((entry) => (
          <EnvRow key={entry} hostId={hostId} name={name} entry={entry} canReveal={canReveal} />
        ))}
      </ul>
    </>
  );
}

function EnvRow({
  hostId,
  name,
  entry,
  canReveal,
}: {
  hostId: string;
  name: string;
  entry: string;
  canReveal: boolean;
}) {
  const separator = entry.indexOf("=");
  const key = separator < 0 ? entry : entry.slice(0, separator);
  const reveal = useRevealEnv(hostId, name);
  const [shown, setShown] = useState<string | null>(null);
  const hasValue = separator >= 0;
  return (
    <li data-testid="env-entry" data-key={key} className="flex items-start justify-between gap-2">
      <span className="min-w-0 break-all">{shown === null ? entry : `${key}=${shown}`}</span>
      {canReveal && hasValue && (
        <Button
          size="sm"
          className="shrink-0 font-sans"
          aria-label={`${shown === null ? "Reveal" : "Hide"} ${key}`}
          disabled={reveal.isPending}
          onClick={() =>
            shown === null
              ? reveal.mutate(key, { onSuccess: (revealed) => setShown(revealed.value) })
              : setShown(null)
          }
        >
          {shown === null ? "Reveal" : "Hide"}
        </Button>
      )}
      {reveal.error && (
        <span role="alert" className="font-sans text-red-700 dark:text-red-400">
          {reveal.error.message}
        </span>
      )}
    </li>
  );
}
