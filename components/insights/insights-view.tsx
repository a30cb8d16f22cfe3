"use client";
import { Notice } from "@/components/ui/notice";
import { Spinner } from "@/components/ui/spinner";
import { pendingOnServer, useHydrated } from "@/components/ui/use-hydrated";
import { formatCount, formatDuration, formatRate } from "@/lib/insights/format-figures";
import type { InsightsResponse } from "@/lib/insights/types";
import { useHosts } from "@/lib/queries/use-hosts";
import { useInsights } from "@/lib/queries/use-insights";
import { deployFrequency } from "@/lib/insights/deploy-frequency";
import { DeploysChart } from "./deploys-chart";
import { FigureCard } from "./figure-card";
import { GroupTable } from "./group-table";
import { InsightsFilters } from "./insights-filters";
import { useInsightsQuery } from "./use-insights-query";

/** /insights: are deploys getting better or worse. Read from the history and incidents Wharf records. */
export function InsightsView() {
  const [query, setQuery] = useInsightsQuery();
  const hostsQuery = useHosts();
  // The stream may have brought the hosts before this part of the page hydrated: until it has, the filter
  // offers what the server rendered (components/ui/use-hydrated.ts).
  const hosts = useHydrated() ? hostsQuery : pendingOnServer;
  const insights = useInsights(query);
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">Delivery insights</h1>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          How often deploys land, how often they fail, how fast crashes are over, and how long a build waits
          to ship — against the period of the same length before.
        </p>
      </header>
      <InsightsFilters query={query} hostIds={hosts.data?.hosts.map((h) => h.id) ?? []} onChange={setQuery} />
      {insights.isPending ? (
        <Spinner label="Counting deploys…" />
      ) : insights.error ? (
        <Notice tone="error" title="Cannot compute the insights">
          {insights.error.message}
        </Notice>
      ) : (
        <Figures data={insights.data} />
      )}
    </div>
  );
}

function Figures({ data }: { data: InsightsResponse }) {
  const { current: c, previous: p, trends: t } = data;
  const frequency = deployFrequency(c, p);
  return (
    <>
      <p className="text-xs text-slate-500" data-testid="insights-period">
        {data.from.slice(0, 10)} to {data.to.slice(0, 16).replace("T", " ")} UTC, against{" "}
        {data.previousFrom.slice(0, 10)} onwards
      </p>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <FigureCard
          testId="figure-frequency"
          title={`Deploys per ${frequency.unit}`}
          value={frequency.value}
          detail={
            frequency.unit === "day"
              ? `${formatCount(c.deploysPerWeek)} a week · ${c.succeeded} held of ${c.deploys}`
              : `${c.succeeded} held of ${c.deploys}`
          }
          previous={frequency.previous}
          trend={t.deploysPerDay}
        />
        <FigureCard
          testId="figure-failure"
          title="Change failure rate"
          value={formatRate(c.changeFailureRate)}
          detail={`${c.failures} of ${c.deploys} failed, rolled back or crashed within 10 min`}
          previous={formatRate(p.changeFailureRate)}
          trend={t.changeFailureRate}
        />
        <FigureCard
          testId="figure-restore"
          title="Time to restore"
          value={formatDuration(c.restore.medianMs)}
          detail={`median of ${c.restore.count} · p90 ${formatDuration(c.restore.p90Ms)} · ${c.restore.open} still open`}
          previous={formatDuration(p.restore.medianMs)}
          trend={t.restoreMedianMs}
        />
        <FigureCard
          testId="figure-lead"
          title="Lead time"
          value={formatDuration(c.leadTime.medianMs)}
          detail={`image built → deployed, median of ${c.leadTime.count} · p90 ${formatDuration(c.leadTime.p90Ms)}`}
          previous={formatDuration(p.leadTime.medianMs)}
          trend={t.leadTimeMedianMs}
        />
      </div>
      <section
        aria-label="Deploys per day"
        className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
      >
        <DeploysChart days={data.days} />
      </section>
      <div className="grid gap-6 lg:grid-cols-3">
        <GroupTable title="Per service" groups={data.byService} testId="insights-by-service" />
        <GroupTable title="Per compose project" groups={data.byProject} testId="insights-by-project" />
        <GroupTable title="Per host" groups={data.byHost} testId="insights-by-host" />
      </div>
    </>
  );
}
