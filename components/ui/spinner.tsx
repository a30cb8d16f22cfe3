export function Spinner({ label }: { label: string }) {
  return (
    <div role="status" className="flex items-center gap-3 p-6 text-sm text-slate-500 dark:text-slate-400">
      <span className="h-4 w-4 animate-spin rounded-full border-2 border-slate-300 border-t-slate-600 dark:border-slate-700 dark:border-t-slate-300" />
      {label}
    </div>
  );
}
