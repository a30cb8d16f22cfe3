/** Running replicas against desired ones, one segment each (a proportional bar past 20). */
export function ReplicaBar({ running, desired }: { running: number; desired: number }) {
  const whole = running >= desired;
  const segments = Math.min(Math.max(desired, running), 20);
  const filled = desired > 20 ? Math.round((running / desired) * 20) : running;
  return (
    <div className="flex items-center gap-2" data-testid="replica-bar">
      <div className="flex h-2.5 w-32 gap-0.5" aria-hidden>
        {Array.from({ length: segments }, (_, index) => (
          <span
            key={index}
            className={`flex-1 rounded-sm ${index < filled ? (whole ? "bg-emerald-500" : "bg-amber-500") : "bg-slate-200 dark:bg-slate-700"}`}
          />
        ))}
      </div>
      <span
        data-testid="replica-count"
        className={`text-xs font-medium tabular-nums ${whole ? "text-slate-700 dark:text-slate-300" : "text-amber-700 dark:text-amber-400"}`}
      >
        {running}/{desired}
      </span>
    </div>
  );
}
