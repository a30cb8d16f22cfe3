"use client";
import Link from "next/link";
import { HistoryTable } from "@/components/history/history-table";
import { Notice } from "@/components/ui/notice";
import { Spinner } from "@/components/ui/spinner";
import { historyQueryString } from "@/lib/history/history-search-params";
import { useHistory } from "@/lib/queries/use-history";

const SHOWN = 20;

/** The container's last actions; the whole history, chart and export are one link away. */
export function ContainerHistory({ hostId, name, now }: { hostId: string; name: string; now: number }) {
  const { data, error, isPending } = useHistory({ hostId, containerName: name, limit: SHOWN });
  const entries = data?.pages[0]?.entries ?? [];
  const more = data?.pages[0]?.nextCursor != null;
  return (
    <section aria-label="History" className="space-y-3">
      <div className="flex items-baseline justify-between gap-2">
        <h2 className="text-lg font-semibold">
          History{data && ` (${more ? `last ${SHOWN}` : entries.length})`}
        </h2>
        <Link
          href={`/history?${historyQueryString({ hostId, containerName: name })}`}
          className="text-sm text-slate-500 hover:underline dark:text-slate-400"
        >
          On the history page →
        </Link>
      </div>
      {isPending ? (
        <Spinner label="Loading the history…" />
      ) : error ? (
        <Notice tone="error" title="Cannot load the history">
          {error.message}
        </Notice>
      ) : entries.length === 0 ? (
        <Notice title="No actions recorded for this container yet" />
      ) : (
        <HistoryTable entries={entries} now={now} compact />
      )}
    </section>
  );
}
