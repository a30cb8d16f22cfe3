import { useId } from "react";
import type { HistoryTimeline } from "@/lib/history/types";
import { layoutTimeline, type Counts } from "./layout-timeline";
import { outcomeLooks, stackOrder } from "./outcome-look";

const WIDTH = 960;
const LEFT = 4;
// Host names sit at the right end of their lanes, next to the latest days: where a narrow screen's scrolled
// chart starts, and where the eye lands first anyway.
const LABEL = 104;
const PLOT = WIDTH - LEFT - LABEL;
const GAP = 10;
const AXIS = 20;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const dayLabel = (day: string) => `${MONTHS[Number(day.slice(5, 7)) - 1]} ${Number(day.slice(8, 10))}`;
const summarize = (counts: Counts) =>
  stackOrder.flatMap((o) => (counts[o] ? [`${counts[o]} ${outcomeLooks[o].label}`] : [])).join(", ");

/**
 * Deploys per day, one lane per host, each day's bar stacked by outcome. The lanes share one scale, so a
 * busy host looks busy next to a quiet one; each bar's tooltip gives its exact counts.
 */
export function HistoryChart({ timeline }: { timeline: HistoryTimeline }) {
  const id = useId();
  const grid = layoutTimeline(timeline);
  const span = `${dayLabel(timeline.firstDay)} – ${dayLabel(timeline.lastDay)}`;
  const laneHeight = grid.hosts.length > 6 ? 28 : 48;
  const height = grid.hosts.length * (laneHeight + GAP) + AXIS;
  const slot = PLOT / grid.days.length;
  const bar = Math.max(1, Math.min(slot * 0.72, 28));
  const tickEvery = Math.ceil(grid.days.length / 10);

  return (
    <figure data-testid="history-chart" className="space-y-3">
      {grid.total === 0 ? (
        <div className="flex h-24 items-center justify-center rounded-md border border-dashed border-slate-300 text-sm text-slate-500 dark:border-slate-700 dark:text-slate-400">
          No deploys between {span}.
        </div>
      ) : (
        // Below 760 px the labels would shrink out of legibility: the chart scrolls instead, starting (row-reverse)
        // at its right end, with the latest days.
        <div className="flex flex-row-reverse overflow-x-auto">
          <svg
            role="img"
            aria-labelledby={`${id}-title ${id}-desc`}
            viewBox={`0 0 ${WIDTH} ${height}`}
            className="h-auto w-full min-w-[760px] shrink-0 text-[11px]"
          >
            <title id={`${id}-title`}>Actions per day and host, by outcome</title>
            <desc id={`${id}-desc`}>
              {`${grid.total} actions from ${span} on ${grid.hosts.length} host${grid.hosts.length === 1 ? "" : "s"}: ${summarize(grid.totals)}.`}
            </desc>
            {grid.hosts.map((host, lane) => {
              const top = lane * (laneHeight + GAP);
              return (
                <g key={host}>
                  <rect
                    x={LEFT}
                    y={top}
                    width={PLOT}
                    height={laneHeight}
                    rx={3}
                    className="fill-slate-50 dark:fill-slate-800/50"
                  />
                  <text
                    x={LEFT + PLOT + 8}
                    y={top + laneHeight / 2}
                    textAnchor="start"
                    dominantBaseline="middle"
                    className="fill-slate-700 dark:fill-slate-200"
                  >
                    {host.length > 16 ? `${host.slice(0, 15)}…` : host}
                  </text>
                  {grid.days.map((day, index) => {
                    const counts = grid.cells.get(`${host} ${day}`);
                    if (!counts) return null;
                    let stacked = 0;
                    return (
                      <g key={day}>
                        <title>{`${day} · ${host}: ${summarize(counts)}`}</title>
                        {stackOrder.map((outcome) => {
                          const count = counts[outcome] ?? 0;
                          if (count === 0) return null;
                          const h = (count / grid.max) * laneHeight;
                          stacked += h;
                          return (
                            <rect
                              key={outcome}
                              x={LEFT + index * slot + (slot - bar) / 2}
                              y={top + laneHeight - stacked}
                              width={bar}
                              height={h}
                              className={outcomeLooks[outcome].fill}
                            />
                          );
                        })}
                      </g>
                    );
                  })}
                </g>
              );
            })}
            {grid.days.map((day, index) =>
              (grid.days.length - 1 - index) % tickEvery === 0 ? (
                <text
                  key={day}
                  x={LEFT + (index + 0.5) * slot}
                  y={height - 4}
                  textAnchor="middle"
                  className="fill-slate-500 dark:fill-slate-400"
                >
                  {dayLabel(day)}
                </text>
              ) : null,
            )}
          </svg>
        </div>
      )}
      <figcaption className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-600 dark:text-slate-300">
        <ul aria-label="Legend" className="flex flex-wrap gap-x-4 gap-y-1">
          {stackOrder.map((outcome) => (
            <li key={outcome} className="flex items-center gap-1.5">
              <span
                aria-hidden
                className={`inline-block h-2.5 w-2.5 rounded-sm ${outcomeLooks[outcome].swatch}`}
              />
              {outcomeLooks[outcome].label}
              <span className="tabular-nums text-slate-500 dark:text-slate-400">
                {grid.totals[outcome] ?? 0}
              </span>
            </li>
          ))}
        </ul>
        {grid.total > 0 && (
          <span className="text-slate-500 dark:text-slate-400">
            · a full lane is {grid.max} action{grid.max === 1 ? "" : "s"} in a day
          </span>
        )}
      </figcaption>
    </figure>
  );
}
