"use client";
import { useDeferredValue, useMemo, useState } from "react";
import { Notice } from "@/components/ui/notice";
import { downloadText } from "@/lib/logs/download-text";
import { filterPattern, matchesFilter } from "@/lib/logs/highlight-matches";
import { toText } from "@/lib/logs/log-window";
import { useLogStream, type LogStreamState } from "@/lib/queries/use-log-stream";
import { LogList } from "./log-list";
import { LogToolbar } from "./log-toolbar";

/** The container's log, followed live: its last 500 lines, then each new one. */
export function LogViewer({ hostId, name, runKey }: { hostId: string; name: string; runKey: string }) {
  const [paused, setPaused] = useState(false);
  const [filter, setFilter] = useState("");
  const [showTimestamps, setShowTimestamps] = useState(true);
  const stream = useLogStream(hostId, name, { paused, runKey });
  // Typing stays responsive while 10,000 lines are filtered behind it.
  const deferredFilter = useDeferredValue(filter);
  const pattern = useMemo(() => filterPattern(deferredFilter), [deferredFilter]);
  const visible = useMemo(
    () => (pattern ? stream.lines.filter((line) => matchesFilter(line.plain, pattern)) : stream.lines),
    [stream.lines, pattern],
  );
  // What is shown is what is saved: with a filter, only the matching lines.
  const download = () => downloadText(`${name}-${hostId}.log`, toText(visible, showTimestamps));

  return (
    <section aria-label="Logs" className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-lg font-semibold">Logs</h2>
        <LogStatus stream={stream} paused={paused} shown={visible.length} filtered={pattern !== null} />
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
      />
      {stream.status === "stopped" && <Notice title="container stopped — showing its last lines" />}
      {stream.status === "error" && stream.error && (
        <Notice tone="error" title="Cannot follow the logs">
          {stream.error} Retrying…
        </Notice>
      )}
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

function LogStatus({
  stream,
  paused,
  shown,
  filtered,
}: {
  stream: LogStreamState;
  paused: boolean;
  shown: number;
  filtered: boolean;
}) {
  const count = filtered
    ? `${shown.toLocaleString("en")} of ${stream.lines.length.toLocaleString("en")} lines match`
    : `${stream.lines.length.toLocaleString("en")} lines`;
  const state =
    stream.status === "stopped"
      ? "stopped"
      : paused
        ? `paused${stream.waiting > 0 ? ` — ${stream.waiting.toLocaleString("en")} new lines` : ""}`
        : stream.status === "live"
          ? "following live"
          : stream.status === "error"
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
