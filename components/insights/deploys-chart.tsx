import type { DayCount } from "@/lib/insights/types";

const HEIGHT = 80;

/**
 * Deploys per day as stacked bars (held in green, failures in red), in plain SVG: a few hundred bytes of markup
 * rather than a chart library. Over 92 days the bars are weeks, so each stays wide enough to see.
 */
export function DeploysChart({ days }: { days: DayCount[] }) {
  const bars = days.length > 92 ? byWeek(days) : days;
  const max = Math.max(1, ...bars.map((d) => d.succeeded + d.failed));
  const width = bars.length * 10;
  const unit = days.length > 92 ? "week" : "day";
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

function byWeek(days: DayCount[]): DayCount[] {
  const weeks: DayCount[] = [];
  days.forEach((d, i) => {
    if (i % 7 === 0) weeks.push({ day: d.day, succeeded: 0, failed: 0 });
    const week = weeks.at(-1)!;
    week.succeeded += d.succeeded;
    week.failed += d.failed;
  });
  return weeks;
}
