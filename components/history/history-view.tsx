"use client";
import Link from "next/link";
import { useNow } from "@/components/fleet/use-now";
import { Notice } from "@/components/ui/notice";
import { Spinner } from "@/components/ui/spinner";
import { historyQueryString, pageQueryString } from "@/lib/history/history-search-params";
import { useHistory } from "@/lib/queries/use-history";
import { useHistoryTimeline } from "@/lib/queries/use-history-timeline";
import { useHosts } from "@/lib/queries/use-hosts";
import { HistoryChart } from "./history-chart";
import { HistoryFilters } from "./history-filters";
import { HistoryTable } from "./history-table";
import { useHistoryFilter } from "./use-history-filter";

const card = "rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900";
const button =
  "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100 disabled:opacity-50 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800";

/** The /history page: filters from the URL, the chart, and the list a page at a time. */
export function HistoryView() {
  const [filter, setFilter] = useHistoryFilter();
  const now = useNow();
  const hosts = useHosts();
  const history = useHistory(filter);
  const timeline = useHistoryTimeline(filter);
  const entries = history.data?.pages.flatMap((page) => page.entries) ?? [];
  const query = historyQueryString(filter);
  // Filtered by the person, not by the page's defaults (which the export and the API calls still carry).
  const filtered = pageQueryString(filter) !== "";
  const removesHidden = filter.externalRemoves === "hide";

  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div className="space-y-1">
          <h1 className="text-2xl font-semibold">Deploy history</h1>
          <p className="text-sm text-slate-600 dark:text-slate-300">
            Every start, stop, restart, redeploy and rollback, on every host, newest first.
          </p>
        </div>
        <a
          data-testid="history-export"
          href={`/api/history.csv${query ? `?${query}` : ""}`}
          download
          className={button}
        >
          Export CSV{filtered && " (filtered)"}
        </a>
      </header>

      <HistoryFilters
        filter={filter}
        hostIds={hosts.data?.hosts.map((host) => host.id) ?? []}
        onChange={setFilter}
      />

      <section aria-label="Actions per day" className={`${card} space-y-3`}>
        <h2 className="text-sm font-semibold">Actions per day</h2>
        {timeline.isPending ? (
          <Spinner label="Counting actions…" />
        ) : timeline.error ? (
          // Bad filters fail both queries alike: the list below says why, once.
          timeline.error.message === history.error?.message ? (
            <p className="text-sm text-slate-500 dark:text-slate-400">No chart for these filters.</p>
          ) : (
            <Notice tone="error" title="Cannot draw the chart">
              {timeline.error.message}
            </Notice>
          )
        ) : (
          <HistoryChart timeline={timeline.data} />
        )}
      </section>

      <section aria-label="Actions" className="space-y-3">
        {history.isPending ? (
          <Spinner label="Loading the history…" />
        ) : history.error && entries.length === 0 ? (
          <Notice tone="error" title="Cannot load the history">
            {history.error.message}
          </Notice>
        ) : entries.length === 0 ? (
          filtered ? (
            <Notice title="Nothing matches these filters">
              <Link href="/history" className="underline">
                Show the whole history
              </Link>
            </Notice>
          ) : (
            <Notice title="No actions recorded yet">
              Starts, stops, restarts, redeploys and rollbacks done through Wharf show up here, with who did
              them and how they went.
              {removesHidden && (
                <>
                  {" "}
                  Containers removed outside Wharf are hidden:{" "}
                  <Link href="/history?externalRemoves=show" className="underline">
                    show them
                  </Link>
                  .
                </>
              )}
            </Notice>
          )
        ) : (
          <>
            <HistoryTable entries={entries} now={now} />
            <div className="flex flex-wrap items-center gap-3 text-sm text-slate-500 dark:text-slate-400">
              <span data-testid="history-count">
                {entries.length} action{entries.length === 1 ? "" : "s"}
                {history.hasNextPage ? " shown" : ", that is all"}
              </span>
              {history.hasNextPage && (
                <button
                  type="button"
                  data-testid="history-load-more"
                  onClick={() => void history.fetchNextPage()}
                  disabled={history.isFetchingNextPage}
                  className={button}
                >
                  {history.isFetchingNextPage ? "Loading…" : "Load more"}
                </button>
              )}
              {history.isFetchNextPageError && (
                <span role="alert" className="text-red-700 dark:text-red-400">
                  {history.error?.message}
                </span>
              )}
            </div>
          </>
        )}
      </section>
    </div>
  );
}
