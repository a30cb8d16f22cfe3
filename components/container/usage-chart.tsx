import type { ReactNode } from "react";

export type ChartSeries = { key: string; label: string; className: string; values: (number | null)[] };

const WIDTH = 300;
const HEIGHT = 64;

/**
 * A small time chart in plain SVG: `times` (ms) place the points on a window of `windowMs` ending at `end`,
 * values on 0..`max`. A missing value (null) breaks the line rather than drawing a made-up zero.
 */
export function UsageChart({
  id,
  title,
  value,
  times,
  end,
  windowMs,
  max,
  maxLabel,
  series,
  limitLine,
}: {
  id: string;
  title: string;
  value: ReactNode;
  times: number[];
  end: number;
  windowMs: number;
  max: number;
  maxLabel: string;
  series: ChartSeries[];
  limitLine?: boolean;
}) {
  const since = `${Math.round(windowMs / 60_000)} min ago`;
  const x = (t: number) => ((t - (end - windowMs)) / windowMs) * WIDTH;
  const y = (v: number) => HEIGHT - (Math.min(v, max) / max) * (HEIGHT - 2) - 1;
  return (
    <figure
      data-testid={`chart-${id}`}
      data-samples={times.length}
      className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900"
    >
      <figcaption className="flex items-baseline justify-between gap-2">
        <span className="text-sm font-semibold">{title}</span>
        <span className="truncate text-right text-sm tabular-nums">{value}</span>
      </figcaption>
      <div className="relative mt-2">
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          preserveAspectRatio="none"
          className="h-16 w-full overflow-visible"
          role="img"
          aria-label={`${title} since ${since}`}
        >
          <line
            x1={0}
            x2={WIDTH}
            y1={HEIGHT - 0.5}
            y2={HEIGHT - 0.5}
            className="stroke-slate-200 dark:stroke-slate-700"
            vectorEffect="non-scaling-stroke"
          />
          <line
            x1={0}
            x2={WIDTH}
            y1={0.5}
            y2={0.5}
            className={limitLine ? "stroke-red-400" : "stroke-slate-100 dark:stroke-slate-800"}
            strokeDasharray={limitLine ? "4 3" : undefined}
            vectorEffect="non-scaling-stroke"
          />
          {series.map((line, index) =>
            runs(times, line.values).map((run, part) => {
              const points = run.map(([t, v]) => `${x(t).toFixed(1)},${y(v).toFixed(1)}`);
              const d = `M${points.join("L")}`;
              const first = run[0]!;
              const last = run.at(-1)!;
              return (
                <g key={`${line.key}-${part}`} className={line.className}>
                  {index === 0 && (
                    <path
                      d={`${d}L${x(last[0]).toFixed(1)},${HEIGHT}L${x(first[0]).toFixed(1)},${HEIGHT}Z`}
                      fill="currentColor"
                      opacity={0.12}
                      stroke="none"
                    />
                  )}
                  <path
                    data-series={line.key}
                    d={d}
                    fill="none"
                    stroke="currentColor"
                    strokeWidth={1.5}
                    vectorEffect="non-scaling-stroke"
                    strokeLinejoin="round"
                  />
                </g>
              );
            }),
          )}
        </svg>
        <span className="pointer-events-none absolute right-0 top-0 -translate-y-1/2 rounded bg-white/80 px-1 text-[10px] text-slate-500 dark:bg-slate-900/80 dark:text-slate-400">
          {maxLabel}
        </span>
      </div>
      <div className="mt-1 flex justify-between gap-2 text-[11px] text-slate-500 dark:text-slate-400">
        <span>{since}</span>
        <span className="flex gap-3">
          {series.length > 1 &&
            series.map((line) => (
              <span key={line.key} className={`flex items-center gap-1 ${line.className}`}>
                <span aria-hidden className="inline-block h-0.5 w-3 bg-current" />
                <span className="text-slate-500 dark:text-slate-400">{line.label}</span>
              </span>
            ))}
        </span>
        <span>now</span>
      </div>
    </figure>
  );
}

/** Consecutive points with a value; a single point is drawn as a short flat line so it shows at all. */
function runs(times: number[], values: (number | null)[]): [number, number][][] {
  const out: [number, number][][] = [];
  let current: [number, number][] = [];
  times.forEach((t, i) => {
    const v = values[i];
    if (v === null || v === undefined) {
      if (current.length) out.push(current);
      current = [];
    } else current.push([t, v]);
  });
  if (current.length) out.push(current);
  return out.map((run) => (run.length === 1 ? [run[0]!, [run[0]![0] + 1000, run[0]![1]]] : run));
}
