/** The last stderr line of the run that died: usually the one line that says why. */
export function StderrLine({ text, compact = false }: { text: string; compact?: boolean }) {
  return (
    <p
      data-testid="stderr-line"
      title={text}
      className={`truncate font-mono text-xs text-red-800 dark:text-red-300 ${compact ? "" : "rounded-md bg-red-50 px-2 py-1 dark:bg-red-950/40"}`}
    >
      <span className="text-red-600/70 dark:text-red-400/70">stderr: </span>
      {text}
    </p>
  );
}
