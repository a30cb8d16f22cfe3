/** The fleet table's one-click restart. Plain props, no hooks: the table may render hundreds of them. */
export function RowRestartButton({
  name,
  busy,
  disabled,
  refusal = null,
  onRestart,
}: {
  name: string;
  /** An action runs on this container. */
  busy: boolean;
  disabled: boolean;
  /** Why Wharf never restarts this container (a swarm task's), shown on the disabled button. */
  refusal?: string | null;
  onRestart: () => void;
}) {
  return (
    <button
      type="button"
      aria-label={`Restart ${name}`}
      title={refusal ?? (busy ? `An action is running on ${name}` : `Restart ${name}`)}
      data-testid="row-restart"
      disabled={busy || disabled || refusal !== null}
      onClick={onRestart}
      className="flex h-7 w-7 items-center justify-center rounded-md text-base text-slate-500 hover:bg-slate-100 hover:text-slate-900 disabled:cursor-not-allowed disabled:opacity-40 disabled:hover:bg-transparent dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-white"
    >
      <span aria-hidden className={busy ? "inline-block animate-spin" : undefined}>
        ↻
      </span>
    </button>
  );
}
