"use client";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useLayoutEffect, useRef, type KeyboardEvent } from "react";
import type { ViewLine } from "@/lib/logs/log-window";
import { LOG_ROW_HEIGHT, LogRow, rowHeight } from "./log-row";

const MIN_HEIGHT = 128;
const MAX_HEIGHT = 448;

/**
 * The log as a windowed list: only the rows in view (and a few around them) exist in the DOM, so 10,000 lines
 * cost what 60 do. While following, it stays scrolled to the newest line; scrolling up asks to pause, so the
 * lines being read stop moving.
 */
export function LogList({
  lines,
  pattern,
  showTimestamps,
  following,
  onScrollUp,
  marker = null,
}: {
  lines: ViewLine[];
  pattern: RegExp | null;
  showTimestamps: boolean;
  following: boolean;
  onScrollUp: () => void;
  /** A line to mark as the start of the current run. */
  marker?: { index: number; label: string } | null;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  // The virtualizer is read during render on purpose; this component is cheap to re-render (visible rows only).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: () => scroller.current,
    estimateSize: (index) => rowHeight(index === marker?.index ? marker.label : null),
    overscan: 20,
    getItemKey: (index) => lines[index]?.seq ?? index,
  });
  const newest = lines.at(-1)?.seq;
  // Sizes are kept per line once estimated: the marker's line changes size when the marker comes or moves.
  const markedAt = marker?.index;
  useLayoutEffect(() => virtualizer.measure(), [virtualizer, markedAt]);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (following && element) element.scrollTop = element.scrollHeight;
  }, [following, newest, lines.length]);

  // Older lines put above keep the line being read where it was, not pushed down by the page that came in.
  const oldest = lines[0]?.seq;
  const shownOldest = useRef(oldest);
  useLayoutEffect(() => {
    const element = scroller.current;
    const before = shownOldest.current;
    shownOldest.current = oldest;
    if (!element || following || before === undefined || oldest === undefined || oldest >= before) return;
    const added = lines.findIndex((line) => line.seq === before);
    if (added > 0) element.scrollTop += added * LOG_ROW_HEIGHT;
  }, [oldest, following, lines]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (following && ["ArrowUp", "PageUp", "Home"].includes(event.key)) onScrollUp();
  };

  return (
    <div
      ref={scroller}
      role="log"
      aria-label="Log lines"
      aria-live="off"
      tabIndex={0}
      data-testid="log-scroller"
      onWheel={(event) => following && event.deltaY < 0 && onScrollUp()}
      onKeyDown={onKeyDown}
      // A short log (a stopped container's last lines) gets a short box; a long one scrolls within 28rem.
      style={{ height: Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, virtualizer.getTotalSize() + 8)) }}
      className="overflow-auto bg-slate-950 py-1 font-mono text-xs leading-5 text-slate-200 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500"
    >
      <div role="list" className="relative" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const line = lines[item.index];
          return line ? (
            <LogRow
              key={item.key}
              line={line}
              top={item.start}
              pattern={pattern}
              showTimestamp={showTimestamps}
              marker={marker?.index === item.index ? marker.label : null}
            />
          ) : null;
        })}
      </div>
    </div>
  );
}
