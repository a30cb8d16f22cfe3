"use client";
import type { HistoryFilter } from "@/lib/history/types";

const presets = [
  { label: "24 h", ms: 86_400_000 },
  { label: "7 d", ms: 7 * 86_400_000 },
  { label: "30 d", ms: 30 * 86_400_000 },
] as const;

// A preset's `from` is kept to the minute: it reads well in the URL, and a shared link shows the same rows.
const sinceNow = (ms: number) => new Date(Math.floor((Date.now() - ms) / 60_000) * 60_000).toISOString();

/** The last 24 hours, 7 or 30 days: sets the date filters (from then, up to now), keeping the others. */
export function HistoryPresets({
  filter,
  onChange,
}: {
  filter: HistoryFilter;
  onChange: (next: HistoryFilter) => void;
}) {
  return (
    <div role="group" aria-label="Period" className="flex h-9 items-center gap-1 text-sm">
      <span className="mr-1 text-xs font-medium text-slate-600 dark:text-slate-300">Last</span>
      {presets.map((preset) => (
        <button
          key={preset.label}
          type="button"
          data-testid="history-preset"
          onClick={() => onChange({ ...filter, from: sinceNow(preset.ms), to: undefined })}
          className="rounded-md border border-slate-300 bg-white px-2 py-1 font-medium hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800"
        >
          {preset.label}
        </button>
      ))}
    </div>
  );
}
