"use client";
import { useVirtualizer } from "@tanstack/react-virtual";
import Link from "next/link";
import { useDeferredValue, useLayoutEffect, useMemo, useRef, useState } from "react";
import { containerHref } from "@/components/fleet/attention-list";
import { Notice } from "@/components/ui/notice";
import { formatUtcClock } from "@/lib/core/format-utc";
import { filterPattern, matchesFilter } from "@/lib/logs/highlight-matches";
import { useProjectLogStream, type ProjectLine } from "@/lib/queries/use-project-log-stream";

const ROW = 20;
// Distinct on the dark log background, and told apart by name too (never by colour alone).
const PALETTE = [
  "text-sky-300",
  "text-amber-300",
  "text-emerald-300",
  "text-fuchsia-300",
  "text-orange-300",
  "text-lime-300",
  "text-cyan-300",
  "text-rose-300",
];

/** A compose project's containers in one log, ordered by time, a colour per container (Dozzle's merged view). */
export function ProjectLogView({ project }: { project: string }) {
  const stream = useProjectLogStream(project);
  const [filter, setFilter] = useState("");
  const [following, setFollowing] = useState(true);
  const pattern = filterPattern(useDeferredValue(filter));
  const colours = useMemo(
    () =>
      new Map(
        stream.containers.map((c, index) => [`${c.hostId}/${c.name}`, PALETTE[index % PALETTE.length]!]),
      ),
    [stream.containers],
  );
  const lines = useMemo(
    () => (pattern ? stream.lines.filter((line) => matchesFilter(line.plain, pattern)) : stream.lines),
    [stream.lines, pattern],
  );
  const width = Math.max(8, ...stream.containers.map((c) => c.name.length));

  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href="/?group=project" className="text-slate-500 hover:underline dark:text-slate-400">
          ← Fleet, by project
        </Link>
      </p>
      <h1 className="break-all text-2xl font-semibold">Merged log of {project}</h1>
      <ul aria-label="Containers" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {stream.containers.map((c) => (
          <li
            key={`${c.hostId}/${c.name}`}
            data-testid="project-log-container"
            data-name={c.name}
            className="flex items-center gap-1.5"
          >
            <span
              aria-hidden
              className={`rounded bg-slate-950 px-1 font-mono ${colours.get(`${c.hostId}/${c.name}`)}`}
            >
              ■
            </span>
            <Link href={containerHref({ hostId: c.hostId, name: c.name })} className="hover:underline">
              {c.name}
            </Link>
            <span className="text-xs text-slate-500 dark:text-slate-400">
              on {c.hostId} · {c.state}
            </span>
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap items-center gap-3">
        <input
          type="search"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          placeholder="Filter lines…"
          aria-label="Filter log lines"
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900"
        />
        <button
          type="button"
          aria-pressed={!following}
          onClick={() => setFollowing(!following)}
          className="rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-700"
        >
          {following ? "Pause" : "Resume"}
        </button>
        <span
          data-testid="project-log-status"
          data-status={stream.status}
          className="text-sm text-slate-500 dark:text-slate-400"
        >
          {stream.status === "live" ? (following ? "following live" : "paused") : stream.status} ·{" "}
          {lines.length.toLocaleString("en")} lines
        </span>
      </div>
      {stream.error && (
        <Notice tone="error" title="Cannot follow the merged log">
          {stream.error}
        </Notice>
      )}
      {stream.failed.map((f) => (
        <Notice key={f.name} tone="warning" title={`${f.name}: its log cannot be read`}>
          {f.message}
        </Notice>
      ))}
      <MergedList
        lines={lines}
        colours={colours}
        width={width}
        following={following}
        onScrollUp={() => setFollowing(false)}
      />
    </div>
  );
}

function MergedList({
  lines,
  colours,
  width,
  following,
  onScrollUp,
}: {
  lines: ProjectLine[];
  colours: Map<string, string>;
  width: number;
  following: boolean;
  onScrollUp: () => void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  // The virtualizer is read during render on purpose; only the rows in view render.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW,
    overscan: 20,
    getItemKey: (index) => lines[index]?.seq ?? index,
  });
  useLayoutEffect(() => {
    const element = scroller.current;
    if (following && element) element.scrollTop = element.scrollHeight;
  }, [following, lines]);
  return (
    <div
      ref={scroller}
      role="log"
      aria-label="Merged log lines"
      tabIndex={0}
      onWheel={(event) => following && event.deltaY < 0 && onScrollUp()}
      className="h-[65vh] overflow-auto rounded-lg bg-slate-950 py-1 font-mono text-xs leading-5 text-slate-200"
    >
      <div role="list" className="relative" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const line = lines[item.index];
          if (!line) return null;
          return (
            <div
              key={item.key}
              role="listitem"
              data-testid="project-log-line"
              data-container={line.container}
              className={`absolute left-0 top-0 flex min-w-full whitespace-pre pr-4 ${line.stream === "stderr" ? "bg-red-500/10" : ""}`}
              style={{ height: ROW, transform: `translateY(${item.start}px)` }}
            >
              <time className="shrink-0 select-none px-2 text-slate-500" title={line.ts ?? undefined}>
                {line.ts ? formatUtcClock(line.ts) : ""}
              </time>
              <span
                className={`shrink-0 select-none truncate pr-3 ${colours.get(`${line.hostId}/${line.container}`) ?? ""}`}
                style={{ width: `${width + 1}ch` }}
                title={`${line.container} on ${line.hostId}`}
              >
                {line.container}
              </span>
              <span>{line.plain}</span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
