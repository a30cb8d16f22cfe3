"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import type { CreatedToken } from "@/lib/queries/use-create-token";

/** The new token's secret, this once. Selecting the box selects the whole token, for browsers without clipboard access. */
export function NewTokenBox({ created, onDone }: { created: CreatedToken; onDone: () => void }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const copy = () =>
    // The clipboard API exists only in secure contexts (HTTPS or localhost).
    (navigator.clipboard?.writeText(created.token) ?? Promise.reject(new Error("no clipboard"))).then(
      () => setCopied("yes"),
      () => setCopied("failed"),
    );
  return (
    <Notice tone="warning" title={`Token "${created.info.name}" created: copy it now`}>
      <p>
        Wharf keeps only a hash of it and cannot show it again. Whoever holds it acts as {created.info.role}.
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <code
          data-testid="new-token-value"
          className="min-w-0 flex-1 select-all break-all rounded-md border border-amber-300 bg-white px-2 py-1.5 font-mono text-xs text-slate-900 dark:border-amber-800 dark:bg-slate-950 dark:text-slate-100"
        >
          {created.token}
        </code>
        <Button size="sm" onClick={copy}>
          {copied === "yes" ? "Copied" : "Copy"}
        </Button>
        <Button size="sm" onClick={onDone}>
          Done
        </Button>
      </div>
      {copied === "failed" && (
        <p className="mt-1">This browser will not copy here: select the token and copy it by hand.</p>
      )}
    </Notice>
  );
}
