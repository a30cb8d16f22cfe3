"use client";
import { useTick } from "@/components/fleet/use-tick";
import { formatDuration } from "@/lib/fleet/format-age";

/** A moment both ways: how long ago (ticking) and the date and time, in the viewer's zone; UTC on hover. */
export function When({ iso, fallback = "—" }: { iso: string | null; fallback?: string }) {
  const now = useTick();
  if (iso === null) return <span className="text-slate-500 dark:text-slate-400">{fallback}</span>;
  const at = Date.parse(iso);
  const ago = now - at;
  return (
    <time dateTime={iso} title={iso} className="tabular-nums" suppressHydrationWarning>
      {ago >= 0 ? `${formatDuration(ago)} ago` : `in ${formatDuration(-ago)}`}
      <span className="text-slate-500 dark:text-slate-400">
        {" "}
        · {new Date(at).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "medium" })}
      </span>
    </time>
  );
}
