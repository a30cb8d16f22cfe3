"use client";
import Link from "next/link";
import { Fragment, useState } from "react";
import { Moment } from "@/components/ui/moment";
import { containerHref } from "@/components/fleet/attention-list";
import { formatActionDuration, shortDigest } from "@/lib/history/format-history";
import type { HistoryEntry } from "@/lib/history/types";
import { HistoryRowDetail } from "./history-row-detail";
import { formatDuration } from "@/lib/fleet/format-age";
import { OutcomeBadge } from "./outcome-badge";
import { DeployIncidents } from "./deploy-incidents";
import { ImageChange } from "./image-change";

const cell = "px-2.5 py-2 align-baseline";
const muted = "text-slate-500 dark:text-slate-400";

/**
 * One action, opened with its toggle to show everything recorded about it. `compact` leaves out host and
 * container, for the container page where both are the heading.
 */
export function HistoryTableRow({
  entry,
  now,
  compact,
  columns,
}: {
  entry: HistoryEntry;
  now: number;
  compact: boolean;
  columns: number;
}) {
  const [open, setOpen] = useState(false);
  const ago = now - Date.parse(entry.at);
  return (
    <Fragment>
      <tr
        data-testid="history-row"
        data-action={entry.action}
        data-outcome={entry.outcome ?? "running"}
        data-host={entry.hostId}
        data-container={entry.containerName}
        className="border-t border-slate-100 dark:border-slate-800"
      >
        <td className={`${cell} w-6`}>
          <button
            type="button"
            data-testid="history-expand"
            aria-expanded={open}
            aria-label={open ? "Hide the details" : "Show the details"}
            onClick={() => setOpen(!open)}
            className="rounded px-1 text-slate-500 hover:bg-slate-100 dark:hover:bg-slate-800"
          >
            {open ? "▾" : "▸"}
          </button>
        </td>
        <td className={`${cell} whitespace-nowrap`}>
          <Moment iso={entry.at} testId="history-time" className="font-mono text-xs" />
          <div className={`text-xs ${muted}`} suppressHydrationWarning>
            {ago < 60_000 ? "just now" : `${formatDuration(ago)} ago`}
          </div>
        </td>
        <td className={cell}>
          {/* Table cells ignore max-width: the limit sits on a block inside. */}
          <div className="max-w-40 truncate" title={entry.actor}>
            {entry.actor}
          </div>
        </td>
        <td data-label="via" className={`${cell} ${muted}`}>
          {entry.source}
        </td>
        <td className={cell}>
          <div className="font-medium">{entry.action}</div>
          {entry.detail && (
            <div
              data-testid="history-detail"
              className={`max-w-48 truncate text-xs ${muted}`}
              title={entry.detail}
            >
              {entry.detail}
            </div>
          )}
        </td>
        {!compact && (
          <>
            <td className={`${cell} whitespace-nowrap`}>{entry.hostId}</td>
            <td className={`${cell} whitespace-nowrap`}>
              {/* A prune is about the host's images, not one container. */}
              <Link
                href={
                  entry.action === "prune"
                    ? `/hosts/${encodeURIComponent(entry.hostId)}/images`
                    : containerHref({ hostId: entry.hostId, name: entry.containerName })
                }
                className="font-medium hover:underline"
              >
                {entry.action === "prune" ? "images" : entry.containerName}
              </Link>
            </td>
          </>
        )}
        <td className={`${cell} font-mono text-xs`}>
          <ImageChange entry={entry} />
        </td>
        <td className={`${cell} whitespace-nowrap font-mono text-xs`}>
          {entry.outcome === "rolled-back" ? (
            <RolledBack tried={entry.digestAfter} stayed={entry.digestBefore} />
          ) : (
            <DigestChange before={entry.digestBefore} after={entry.digestAfter} />
          )}
        </td>
        <td className={cell}>
          <OutcomeBadge outcome={entry.outcome} />
        </td>
        <td data-label="took" className={`${cell} whitespace-nowrap tabular-nums`}>
          {entry.durationMs === null ? (
            <span className={muted}>—</span>
          ) : (
            formatActionDuration(entry.durationMs)
          )}
        </td>
        <td data-label="crashed ≤ 10 min" className={cell}>
          <Crashed value={entry.crashedAfter} />
          <DeployIncidents entry={entry} />
        </td>
        <td className={`${cell} text-red-700 dark:text-red-400`}>
          <div className="line-clamp-2 min-w-40 max-w-72" title={entry.error ?? undefined}>
            {entry.error ?? ""}
          </div>
        </td>
      </tr>
      {open && (
        <tr className="bg-slate-50 dark:bg-slate-800/40">
          <td colSpan={columns} className="px-4 py-3">
            <HistoryRowDetail entry={entry} />
          </td>
        </tr>
      )}
    </Fragment>
  );
}

/** A redeploy that did not hold: the digest it tried, and the one that stayed (the container runs that one). */
function RolledBack({ tried, stayed }: { tried: string | null; stayed: string | null }) {
  return (
    <span
      data-testid="digest-rolled-back"
      title={`tried ${tried ?? "unknown"}, stayed on ${stayed ?? "unknown"}`}
    >
      <span className="line-through decoration-red-500">{tried ? shortDigest(tried) : "—"}</span>
      <span className={muted}> kept </span>
      {stayed ? shortDigest(stayed) : "—"}
    </span>
  );
}

function DigestChange({ before, after }: { before: string | null; after: string | null }) {
  if (before === null && after === null) return <span className={muted}>—</span>;
  if (before === after || after === null) {
    return (
      <span title={before ?? undefined} className={muted}>
        {shortDigest(before!)}
      </span>
    );
  }
  return (
    <span title={`${before ?? "unknown"} → ${after}`}>
      <span className={muted}>{before === null ? "—" : shortDigest(before)}</span> → {shortDigest(after)}
    </span>
  );
}

// null: not known yet (less than 10 minutes ago), or not something that can crash after (a stop, a failure).
function Crashed({ value }: { value: boolean | null }) {
  if (value === null) return <span className={muted}>—</span>;
  return value ? <span className="font-semibold text-red-700 dark:text-red-400">yes</span> : <span>no</span>;
}
