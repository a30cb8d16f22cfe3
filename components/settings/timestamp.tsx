/** A moment in the viewer's own time zone; the exact UTC value on hover. */
export function Timestamp({ iso, fallback = "—" }: { iso: string | null; fallback?: string }) {
  if (iso === null) return <span className="text-slate-500 dark:text-slate-400">{fallback}</span>;
  return (
    <time dateTime={iso} title={iso} className="whitespace-nowrap tabular-nums">
      {new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" })}
    </time>
  );
}
