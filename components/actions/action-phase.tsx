import type { ActionName } from "@/lib/history/types";
import { actionLabels } from "./action-labels";

/** Where a running action stands; while it pulls, how far the pull has got. */
export function ActionPhase({
  action,
  phase,
  progress,
}: {
  action: ActionName;
  phase: string;
  progress: number | null;
}) {
  const pulling = phase.startsWith("pulling");
  const percent = progress === null ? null : Math.round(progress * 100);
  return (
    <div className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-1 text-sm">
      <span
        aria-hidden
        className="h-3.5 w-3.5 shrink-0 animate-spin rounded-full border-2 border-sky-200 border-t-sky-600 dark:border-sky-900 dark:border-t-sky-400"
      />
      <span className="font-medium">
        {actionLabels[action].running}
        <span aria-hidden className="text-slate-400">
          {" "}
          ·
        </span>
      </span>
      <span data-testid="action-phase" className="min-w-0 truncate text-slate-600 dark:text-slate-300">
        {phase}
      </span>
      {pulling && (
        <span className="flex items-center gap-2">
          {/* Without sizes from the registry the bar has no value: indeterminate, as ARIA defines it. */}
          <span
            role="progressbar"
            aria-label="Pull progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent ?? undefined}
            data-testid="pull-progress"
            className="block h-2 w-40 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
          >
            <span
              className={`block h-full rounded-full bg-sky-600 transition-[width] dark:bg-sky-400 ${percent === null ? "w-full animate-pulse opacity-40" : ""}`}
              style={percent === null ? undefined : { width: `${percent}%` }}
            />
          </span>
          {percent !== null && (
            <span className="tabular-nums text-slate-600 dark:text-slate-300">{percent} %</span>
          )}
        </span>
      )}
    </div>
  );
}
