"use client";
import { useAcknowledgeIncident } from "@/lib/queries/use-acknowledge-incident";

/** One mutation per card, so acknowledging one incident never disables the others' buttons. */
export function AcknowledgeButton({ id }: { id: number }) {
  const { mutate, isPending, error } = useAcknowledgeIncident();
  return (
    <div className="flex flex-col items-end gap-1">
      <button
        type="button"
        data-testid="acknowledge-button"
        disabled={isPending}
        onClick={() => mutate(id)}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-medium hover:bg-slate-100 disabled:opacity-50 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800"
      >
        {isPending ? "Acknowledging…" : "Acknowledge"}
      </button>
      {error && (
        <p role="alert" className="max-w-xs text-right text-xs text-red-700 dark:text-red-400">
          {error.message}
        </p>
      )}
    </div>
  );
}
