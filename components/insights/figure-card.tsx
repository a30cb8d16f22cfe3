import type { Trend } from "@/lib/insights/types";

/** One figure, what it was the period before, and an arrow coloured by whether the change is good news. */
export function FigureCard({
  title,
  value,
  detail,
  previous,
  trend,
  testId,
}: {
  title: string;
  value: string;
  detail: string;
  previous: string;
  trend: Trend;
  testId: string;
}) {
  const arrow =
    trend.direction === "up" ? "↑" : trend.direction === "down" ? "↓" : trend.direction === "flat" ? "→" : "";
  const tone =
    trend.better === true
      ? "text-emerald-700 dark:text-emerald-400"
      : trend.better === false
        ? "text-red-700 dark:text-red-400"
        : "text-slate-500";
  return (
    <div
      data-testid={testId}
      className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 className="text-xs font-medium uppercase text-slate-500">{title}</h2>
      <p className="mt-1 text-2xl font-semibold">
        <span data-testid="figure-value">{value}</span>
        {arrow && (
          <span
            className={`ml-2 text-base ${tone}`}
            data-testid="figure-trend"
            data-direction={trend.direction}
            title={
              trend.better === null
                ? "no change"
                : trend.better
                  ? "better than the period before"
                  : "worse than the period before"
            }
          >
            {arrow}
          </span>
        )}
      </p>
      <p className="text-xs text-slate-500">{detail}</p>
      <p className="text-xs text-slate-500">previous period: {previous}</p>
    </div>
  );
}
