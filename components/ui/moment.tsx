"use client";
import { useTick } from "@/components/fleet/use-tick";
import { formatUtc } from "@/lib/core/format-utc";
import { formatDuration } from "@/lib/fleet/format-age";

/** "5 min ago", "in 3 d", "just now": how far a moment is from now. */
export function describeFromNow(iso: string, now: number): string {
  const diff = now - Date.parse(iso);
  if (Number.isNaN(diff)) return "";
  if (Math.abs(diff) < 1_000) return "just now";
  return diff > 0 ? `${formatDuration(diff)} ago` : `${formatDuration(-diff)} from now`;
}

/**
 * Every moment Wharf shows, written one way: absolute, in UTC ("2026-12-07 14:03:21 UTC"), the same on every
 * screen and for everyone reading it together; how long ago is the hint on hover, or beside it with `ago`.
 */
export function Moment({
  iso,
  fallback = "—",
  ago = false,
  className = "",
  testId,
}: {
  iso: string | null;
  fallback?: string;
  /** Show how long ago beside the time too, not only on hover. */
  ago?: boolean;
  className?: string;
  testId?: string;
}) {
  const now = useTick();
  if (iso === null) return <span className="text-slate-500 dark:text-slate-400">{fallback}</span>;
  const relative = describeFromNow(iso, now);
  return (
    <span className="whitespace-nowrap">
      {/* The server's clock wrote the hint in the page's HTML; the browser's own follows (use-tick.ts). */}
      <time
        dateTime={iso}
        title={relative}
        data-testid={testId}
        className={`tabular-nums ${className}`}
        suppressHydrationWarning
      >
        {formatUtc(iso)}
      </time>
      {ago && (
        <span className="text-xs text-slate-500 dark:text-slate-400" suppressHydrationWarning>
          {" "}
          · {relative}
        </span>
      )}
    </span>
  );
}
