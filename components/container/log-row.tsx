import { memo, useMemo } from "react";
import { formatUtcClock } from "@/lib/core/format-utc";
import { highlightMatches } from "@/lib/logs/highlight-matches";
import type { ViewLine } from "@/lib/logs/log-window";
import { parseAnsi } from "@/lib/logs/parse-ansi";
import { AnsiText } from "./ansi-text";

export const LOG_ROW_HEIGHT = 20;

/** A line that begins the current run is twice as tall: its marker has a strip of its own. */
export function rowHeight(marker: string | null | undefined): number {
  return marker ? 2 * LOG_ROW_HEIGHT : LOG_ROW_HEIGHT;
}

/** One line of the windowed list; memoised, so a new frame of lines re-renders only rows that are new. */
export const LogRow = memo(function LogRow({
  line,
  top,
  pattern,
  showTimestamp,
  marker = null,
}: {
  line: ViewLine;
  top: number;
  pattern: RegExp | null;
  showTimestamp: boolean;
  /** This line begins the current run: the label says so, over a line across the log. */
  marker?: string | null;
}) {
  const segments = useMemo(() => highlightMatches(parseAnsi(line.text), pattern), [line.text, pattern]);
  const stderr = line.stream === "stderr";
  return (
    <div
      role="listitem"
      data-testid="log-line"
      data-stream={line.stream}
      className={`absolute left-0 top-0 min-w-full whitespace-pre border-l-2 pr-4 ${
        stderr ? "border-red-500 bg-red-500/10" : "border-transparent"
      }`}
      style={{ height: rowHeight(marker), transform: `translateY(${top}px)` }}
    >
      {/* A strip of its own above the line: over the line, on a narrow screen it covered the line's text. */}
      {marker && (
        <div className="flex border-b border-amber-400" style={{ height: LOG_ROW_HEIGHT }}>
          <span
            data-testid="restart-marker"
            className="sticky left-0 select-none self-end bg-amber-400 px-1.5 text-[10px] font-semibold leading-4 text-slate-950"
          >
            {marker}
          </span>
        </div>
      )}
      <div className="flex" style={{ height: LOG_ROW_HEIGHT }}>
        <span
          className="w-9 shrink-0 select-none pr-2 text-right text-[10px] font-semibold uppercase text-red-400"
          title={stderr ? "written to stderr" : undefined}
        >
          {stderr ? "err" : ""}
        </span>
        {showTimestamp && (
          <time
            className="shrink-0 select-none pr-3 text-slate-500"
            dateTime={line.ts ?? undefined}
            title={line.ts ?? undefined}
          >
            {formatTime(line.ts)}
          </time>
        )}
        <span data-testid="log-text">
          <AnsiText segments={segments} />
        </span>
      </div>
    </div>
  );
});

/** Local wall-clock time to the millisecond; the full engine timestamp is in the title. */
// UTC, as every moment Wharf shows: the log's times line up with the engine's and with the rest of the page.
function formatTime(ts: string | null): string {
  return (ts ? formatUtcClock(ts, true) : "").padEnd(12);
}
