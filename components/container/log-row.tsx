import { memo, useMemo } from "react";
import { highlightMatches } from "@/lib/logs/highlight-matches";
import type { ViewLine } from "@/lib/logs/log-window";
import { parseAnsi } from "@/lib/logs/parse-ansi";
import { AnsiText } from "./ansi-text";

export const LOG_ROW_HEIGHT = 20;

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
      className={`absolute left-0 top-0 flex min-w-full whitespace-pre border-l-2 pr-4 ${
        stderr ? "border-red-500 bg-red-500/10" : "border-transparent"
      } ${marker ? "border-t border-t-amber-400" : ""}`}
      style={{ height: LOG_ROW_HEIGHT, transform: `translateY(${top}px)` }}
    >
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
      {marker && (
        <span
          data-testid="restart-marker"
          className="sticky right-0 ml-auto select-none bg-amber-400 px-1.5 text-[10px] font-semibold text-slate-950"
        >
          {marker}
        </span>
      )}
    </div>
  );
});

/** Local wall-clock time to the millisecond; the full engine timestamp is in the title. */
function formatTime(ts: string | null): string {
  if (!ts) return "".padEnd(12);
  const date = new Date(ts);
  if (Number.isNaN(date.getTime())) return "".padEnd(12);
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}
