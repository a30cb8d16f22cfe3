const button =
  "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-50 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800";

export function LogToolbar({
  filter,
  onFilter,
  showTimestamps,
  onShowTimestamps,
  paused,
  onPaused,
  canPause,
  onDownload,
  canDownload,
  downloadCount,
}: {
  filter: string;
  onFilter: (value: string) => void;
  showTimestamps: boolean;
  onShowTimestamps: (value: boolean) => void;
  paused: boolean;
  onPaused: (value: boolean) => void;
  canPause: boolean;
  onDownload: () => void;
  canDownload: boolean;
  /** With a filter: how many lines a download saves (only those). */
  downloadCount: number | null;
}) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <input
        type="search"
        value={filter}
        onChange={(event) => onFilter(event.target.value)}
        placeholder="Filter lines…"
        aria-label="Filter log lines"
        className="min-w-56 flex-1 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900"
      />
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={showTimestamps}
          onChange={(event) => onShowTimestamps(event.target.checked)}
        />
        Timestamps
      </label>
      <button
        type="button"
        className={button}
        aria-pressed={paused}
        onClick={() => onPaused(!paused)}
        disabled={!canPause}
      >
        {paused ? "Resume" : "Pause"}
      </button>
      <button
        type="button"
        data-testid="log-download"
        className={button}
        onClick={onDownload}
        disabled={!canDownload}
        title={
          downloadCount === null
            ? "Save the lines loaded here as a text file"
            : "Only the lines matching the filter are saved"
        }
      >
        {downloadCount === null
          ? "Download"
          : `Download ${downloadCount.toLocaleString("en")} matching line${downloadCount === 1 ? "" : "s"}`}
      </button>
    </div>
  );
}
