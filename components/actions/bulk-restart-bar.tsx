"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import type { ContainerRef } from "@/lib/queries/use-bulk-restart";
import { useToastingBulkRestart } from "./use-toasting-actions";

const LISTED = 8;

/** Above the fleet table while rows are selected: restart them all, after a confirmation naming them. */
export function BulkRestartBar({ selected, onClear }: { selected: ContainerRef[]; onClear: () => void }) {
  const [asking, setAsking] = useState(false);
  const restart = useToastingBulkRestart();
  const count = selected.length;
  return (
    <div
      data-testid="bulk-actions"
      className="flex flex-wrap items-center gap-3 rounded-lg border border-sky-200 bg-sky-50 px-3 py-2 text-sm dark:border-sky-900 dark:bg-sky-950/40"
    >
      <span className="font-medium text-sky-950 dark:text-sky-100">{count} selected</span>
      <Button
        size="sm"
        variant="primary"
        data-testid="restart-selected"
        disabled={restart.isPending}
        onClick={() => setAsking(true)}
      >
        <span aria-hidden>↻</span>
        {restart.isPending ? "Restarting…" : `Restart selected (${count})`}
      </Button>
      <Button size="sm" onClick={onClear}>
        Clear selection
      </Button>
      <ConfirmDialog
        open={asking}
        title={`Restart ${count} container${count === 1 ? "" : "s"}?`}
        confirmLabel={`Restart ${count}`}
        onConfirm={() => {
          setAsking(false);
          restart.mutate({ containers: selected }, { onSuccess: onClear });
        }}
        onCancel={() => setAsking(false)}
      >
        <p>Each is stopped and started again; running ones do not answer in between.</p>
        <ul className="list-inside list-disc font-mono text-xs">
          {selected.slice(0, LISTED).map((c) => (
            <li key={`${c.hostId}/${c.name}`}>
              {c.name} <span className="text-slate-500">on {c.hostId}</span>
            </li>
          ))}
          {count > LISTED && <li className="list-none font-sans">…and {count - LISTED} more</li>}
        </ul>
      </ConfirmDialog>
    </div>
  );
}
