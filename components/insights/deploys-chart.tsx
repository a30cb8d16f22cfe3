import { chartBars } from "@/lib/insights/chart-bars";
import type { DayCount } from "@/lib/insights/types";

const HEIGHT = 80;

/**
 * Deploys per day as stacked bars (held in green, failures in red), in plain SVG: a few hundred bytes of markup
 * rather than a chart library. Over 92 days the bars are weeks, so each stays wide enough to see.
 */
export function DeploysChart({ days }: { days: DayCount[] }) {
  const chart = chartBars(days);
  if (!chart) {
    return (
      <p
        data-testid="deploys-chart-empty"
        className="flex h-24 items-center justify-center rounded-md border border-dashed border-slate-300 text-sm text-slate-500 dark:border-slate-700 dark:text-slate-400"
      >
        No deploys in this period{days[0] ? ` (${days[0].day} to ${days.at(-1)!.day})` : ""}: nothing was
        redeployed or rolled back, so there is nothing to draw.
      </p>
    );
  }
  const { bars, max, unit } = chart;
  const width = bars.length * 10;
  return (
    <figure className="space-y-1">
      <svg
        data-testid="deploys-chart"
        viewBox={`0 0 ${width} ${HEIGHT}`}
        preserveAspectRatio="none"
        className="h-24 w-full"
        role="img"
        aria-label={`Deploys per ${unit}, at most ${max}`}
      >
        {bars.map((d, i) => {
          const ok = (d.succeeded / max) * HEIGHT;
          const bad = (d.failed / max) * HEIGHT;
          return (
            <g key={d.day}>
              <title>{`${d.day}: ${d.succeeded} held, ${d.failed} failed`}</title>
              <rect x={i * 10 + 1} y={HEIGHT - ok} width={8} height={ok} className="fill-emerald-500" />
              <rect x={i * 10 + 1} y={HEIGHT - ok - bad} width={8} height={bad} className="fill-red-500" />
            </g>
          );
        })}
      </svg>
      <figcaption className="flex justify-between text-xs text-slate-500">
        <span>{bars[0]?.day}</span>
        <span>
          per {unit}, max {max} · <span className="text-emerald-600">held</span> /{" "}
          <span className="text-red-600">failed</span>
        </span>
        <span>{bars.at(-1)?.day}</span>
      </figcaption>
    </figure>
  );
}
