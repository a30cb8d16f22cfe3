"use client";
import { useTick } from "@/components/fleet/use-tick";
import { formatDuration } from "@/lib/fleet/format-age";
import type { ActionProgress } from "@/lib/fleet/live/messages";
import { checklist, stepLabels, type ChecklistItem } from "./describe-steps";

const marks: Record<ChecklistItem["state"], string> = {
  done: "✓",
  running: "◌",
  pending: "○",
  failed: "✕",
  skipped: "–",
};
const tones: Record<ChecklistItem["state"], string> = {
  done: "text-emerald-700 dark:text-emerald-400",
  running: "font-medium text-slate-900 dark:text-white",
  pending: "text-slate-400",
  failed: "text-red-700 dark:text-red-400",
  skipped: "text-slate-400 line-through",
};

/**
 * A redeploy or rollback as a checklist: each step ticked off with how long it took, the running one with its
 * time so far (the pull with its bytes, the check with the grace time left), the ones to come greyed.
 */
export function ActionChecklist({ progress, endedAt }: { progress: ActionProgress; endedAt: number | null }) {
  const now = useTick();
  const items = checklist(progress, endedAt);
  const started = progress.startedAt ? Date.parse(progress.startedAt) : null;
  return (
    <div data-testid="action-checklist" data-done={progress.done ? "1" : "0"} className="space-y-1 text-sm">
      <ol className="space-y-1">
        {items.map((item) => (
          <li
            key={item.id}
            data-testid="checklist-step"
            data-step={item.id}
            data-state={item.state}
            className={`flex flex-wrap items-baseline gap-x-2 ${tones[item.state]}`}
          >
            <span
              aria-hidden
              className={`w-4 text-center ${item.state === "running" ? "inline-block animate-spin" : ""}`}
            >
              {marks[item.state]}
            </span>
            <span>{stepLabels[item.id]}</span>
            {item.startedAt !== null && (
              <span
                data-testid="step-elapsed"
                className="tabular-nums text-xs text-slate-500 dark:text-slate-400"
              >
                {formatElapsed((item.endedAt ?? now) - item.startedAt)}
              </span>
            )}
            {item.state === "running" && <Detail item={item} progress={progress} now={now} />}
          </li>
        ))}
      </ol>
      {started !== null && (
        <p data-testid="action-elapsed" className="text-xs text-slate-500 dark:text-slate-400">
          {progress.done ? "Took" : "Running for"}{" "}
          {formatElapsed((progress.done ? (endedAt ?? now) : now) - started)}
        </p>
      )}
    </div>
  );
}

function Detail({ item, progress, now }: { item: ChecklistItem; progress: ActionProgress; now: number }) {
  if (item.id === "pull" && progress.pulled)
    return (
      <span data-testid="pull-bytes" className="text-xs tabular-nums text-slate-600 dark:text-slate-300">
        {formatBytes(progress.pulled.current)} of {formatBytes(progress.pulled.total)}
      </span>
    );
  if (item.id === "check" && item.until !== null) {
    const left = item.until - now;
    return (
      <span data-testid="grace-left" className="text-xs text-slate-600 dark:text-slate-300">
        {left > 0 ? `${Math.ceil(left / 1000)} s of grace left` : "waiting for its health check"}
      </span>
    );
  }
  return null;
}

function formatElapsed(ms: number): string {
  return ms < 10_000 ? `${(Math.max(0, ms) / 1000).toFixed(1)} s` : formatDuration(ms);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1_000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1_000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
