import Link from "next/link";
import type { ReactNode } from "react";
import { describeAttention } from "@/lib/fleet/needs-attention";
import type { ContainerRow, ListedContainer } from "@/lib/fleet/types";
import { StateBadge } from "./state-badge";

const SHOWN = 30;

/** The crashed, looping and unhealthy containers, above the table, so nobody has to sort to find them. */
export function AttentionList({ rows, action }: { rows: ListedContainer[]; action?: ReactNode }) {
  const flagged = rows.flatMap((row) => {
    const reason = row.stale ? null : row.attention;
    return reason ? [{ row, reason }] : [];
  });
  if (flagged.length === 0) return null;
  return (
    <section
      aria-label="Needs attention"
      className="rounded-lg border border-red-200 bg-red-50/60 p-4 dark:border-red-900 dark:bg-red-950/30"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-sm font-semibold text-red-900 dark:text-red-200">
          Needs attention <span className="font-normal">({flagged.length})</span>
        </h2>
        {action}
      </div>
      <ul className="mt-2 divide-y divide-red-100 dark:divide-red-900/60">
        {flagged.slice(0, SHOWN).map(({ row, reason }) => (
          <li
            key={`${row.hostId}/${row.id}`}
            data-testid="attention-item"
            data-host={row.hostId}
            data-name={row.name}
            data-reason={reason}
            className="flex flex-wrap items-center gap-x-3 gap-y-1 py-1.5 text-sm"
          >
            <StateBadge row={row} />
            {/* Not prefetched: in a storm the list changes every frame, and each new link would ask the server
                for a page nobody opens. */}
            <Link className="font-medium hover:underline" href={containerHref(row)} prefetch={false}>
              {row.name}
            </Link>
            <span className="text-slate-500 dark:text-slate-400">on {row.hostId}</span>
            <span className="text-red-800 dark:text-red-300">{describeAttention(reason, row)}</span>
          </li>
        ))}
      </ul>
      {flagged.length > SHOWN && (
        <p className="mt-2 text-xs text-red-900 dark:text-red-200">
          …and {flagged.length - SHOWN} more in the table below.
        </p>
      )}
    </section>
  );
}

export function containerHref(row: Pick<ContainerRow, "hostId" | "name">): string {
  return `/containers/${encodeURIComponent(row.hostId)}/${encodeURIComponent(row.name)}`;
}
