"use client";
import Link from "next/link";
import { useDeferredValue, useMemo, useState } from "react";
import { Notice } from "@/components/ui/notice";
import { formatUtc } from "@/lib/core/format-utc";
import { downloadText } from "@/lib/logs/download-text";
import { filterPattern, matchesFilter } from "@/lib/logs/highlight-matches";
import { logTimeNanos } from "@/lib/logs/log-time";
import { toText, type ViewLine } from "@/lib/logs/log-window";
import { useLogStream, type LogStreamState } from "@/lib/queries/use-log-stream";
import { useOlderLogLines } from "@/lib/queries/use-older-log-lines";
import { LogList } from "./log-list";
import { LogToolbar } from "./log-toolbar";

/**
 * The container's log, followed live: its last 500 lines, then each new one; older pages on demand. A marker
 * shows where the current run started, when earlier runs' lines are above it.
 */
export function LogViewer({
  hostId,
  name,
  runKey,
  startedAt = null,
  finishedAt = null,
  project = null,
}: {
  hostId: string;
  name: string;
  runKey: string;
  /** When the current run started, and when the run before it ended. */
  startedAt?: string | null;
  finishedAt?: string | null;
  /** The compose project, for a link to its merged log. */
  project?: string | null;
}) {
  const [paused, setPaused] = useState(false);
  const [filter, setFilter] = useState("");
  const [showTimestamps, setShowTimestamps] = useState(true);
  const stream = useLogStream(hostId, name, { paused, runKey });
  const older = useOlderLogLines(hostId, name, runKey);
  const all = useMemo(
    () => (older.lines.length > 0 ? older.lines.concat(stream.lines) : stream.lines),
    [older.lines, stream.lines],
  );
  // Typing stays responsive while 10,000 lines are filtered behind it.
  const deferredFilter = useDeferredValue(filter);
  const pattern = useMemo(() => filterPattern(deferredFilter), [deferredFilter]);
  const visible = useMemo(
    () => (pattern ? all.filter((line) => matchesFilter(line.plain, pattern)) : all),
    [all, pattern],
  );
  const marker = useMemo(
    () => restartIndex(visible, startedAt, finishedAt),
    [visible, startedAt, finishedAt],
  );
  // What is shown is what is saved: with a filter, only the matching lines.
  const download = () => downloadText(`${name}-${hostId}.log`, toText(visible, showTimestamps));
  const first = all[0];
  const loadOlder = () => {
    if (!first) return;
    // Reading back: the lines in view must stop moving.
    setPaused(true);
    older.load(first, all.length);
  };

  return (
    <section aria-label="Logs" className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="flex items-baseline gap-3 text-lg font-semibold">
          Logs
          {project && (
            <Link
              href={`/projects/${encodeURIComponent(project)}/logs`}
              className="text-sm font-normal text-sky-700 hover:underline dark:text-sky-400"
            >
              Merged log of {project} →
            </Link>
          )}
        </h2>
        <LogStatus
          stream={stream}
          paused={paused}
          total={all.length}
          shown={visible.length}
          filtered={pattern !== null}
        />
      </div>
      <LogToolbar
        filter={filter}
        onFilter={setFilter}
        showTimestamps={showTimestamps}
        onShowTimestamps={setShowTimestamps}
        paused={paused}
        onPaused={setPaused}
        canPause={paused || stream.status !== "stopped"}
        onDownload={download}
        canDownload={visible.length > 0}
        downloadCount={pattern ? visible.length : null}
      />
      {first && older.more && (stream.lines.length >= 500 || older.lines.length > 0) && (
        <div className="flex items-center gap-3 text-sm">
          <button
            type="button"
            data-testid="log-older"
            onClick={loadOlder}
            disabled={older.loading}
            className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-50 disabled:opacity-50 dark:border-slate-700 dark:hover:bg-slate-800"
          >
            {older.loading ? "Reading older lines…" : "↑ Load 500 older lines"}
          </button>
          {older.error && <span className="text-red-700 dark:text-red-400">{older.error}</span>}
        </div>
      )}
      {!older.more && (
        <p data-testid="log-start" className="text-xs text-slate-500 dark:text-slate-400">
          The log starts here.
        </p>
      )}
      {stream.status === "stopped" && <Notice title="container stopped — showing its last lines" />}
      {stream.status === "error" && stream.error && (
        <Notice tone="error" title="Cannot follow the logs">
          {stream.error} Retrying…
        </Notice>
      )}
      {stream.status === "ended" && stream.error && <Notice tone="error" title={stream.error} />}
      {stream.skipped > 0 && (
        <Notice tone="warning" title={`skipped ${stream.skipped.toLocaleString("en")} lines to keep up`}>
          Lines arrived faster than this page could show them; it jumped to the newest. Download keeps what is
          shown.
        </Notice>
      )}
      <div className="relative overflow-hidden rounded-lg border border-slate-200 dark:border-slate-800">
        <LogList
          lines={visible}
          pattern={pattern}
          showTimestamps={showTimestamps}
          following={!paused}
          onScrollUp={() => setPaused(true)}
          marker={marker}
        />
        {visible.length === 0 && (
          <p className="pointer-events-none absolute inset-0 flex items-center justify-center text-sm text-slate-400">
            {stream.status === "connecting"
              ? "Reading the log…"
              : pattern
                ? "No line matches the filter"
                : "No log lines yet"}
          </p>
        )}
      </div>
    </section>
  );
}

/**
 * Where the current run's lines begin, when lines of an earlier run are above them; null otherwise. The engine
 * records a start once it is done, which can be after the process's first line: the end of the run before
 * (when there was one) is the sharper cut, since every line of that run was written before it.
 */
function restartIndex(
  lines: ViewLine[],
  startedAt: string | null,
  finishedAt: string | null,
): { index: number; label: string } | null {
  const start = startedAt ? logTimeNanos(startedAt) : null;
  if (start === null) return null;
  const end = finishedAt ? logTimeNanos(finishedAt) : null;
  const afterEnd = end !== null && end < start;
  const index = lines.findIndex((line) => {
    const at = line.ts ? logTimeNanos(line.ts) : null;
    return at !== null && (afterEnd ? at > end : at >= start);
  });
  if (index <= 0) return null;
  return { index, label: `↻ restarted ${formatUtc(startedAt!)}` };
}

function LogStatus({
  stream,
  paused,
  total,
  shown,
  filtered,
}: {
  stream: LogStreamState;
  paused: boolean;
  /** Lines held: the followed tail and the older pages above it. */
  total: number;
  shown: number;
  filtered: boolean;
}) {
  const count = filtered
    ? `${shown.toLocaleString("en")} of ${total.toLocaleString("en")} lines match`
    : `${total.toLocaleString("en")} lines`;
  const state =
    stream.status === "stopped"
      ? "stopped"
      : paused
        ? `paused${stream.waiting > 0 ? ` — ${stream.waiting.toLocaleString("en")} new lines` : ""}`
        : stream.status === "live"
          ? "following live"
          : stream.status === "error" || stream.status === "ended"
            ? "not following"
            : `${stream.status}…`;
  return (
    <p
      data-testid="log-status"
      data-status={stream.status}
      className="flex items-center gap-2 text-sm text-slate-500 dark:text-slate-400"
    >
      <span
        aria-hidden
        className={`h-2 w-2 rounded-full ${
          stream.status === "live" && !paused
            ? "bg-emerald-500"
            : stream.status === "error"
              ? "bg-red-500"
              : "bg-slate-400"
        }`}
      />
      {state} · {count}
    </p>
  );
}
