import type { HistoryEntry } from "@/lib/history/types";
import { HistoryTableRow } from "./history-table-row";

const head = "whitespace-nowrap px-2.5 py-2 text-left font-medium";

export function HistoryTable({
  entries,
  now,
  compact = false,
}: {
  entries: HistoryEntry[];
  now: number;
  compact?: boolean;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <table className="cards-on-phone w-full text-sm">
        <thead className="bg-slate-50 text-xs text-slate-600 dark:bg-slate-800/60 dark:text-slate-300">
          <tr>
            <th className={head}>
              <span className="sr-only">Details</span>
            </th>
            <th className={head}>When (UTC)</th>
            <th className={head}>Actor</th>
            <th className={head}>Source</th>
            <th className={head}>Action</th>
            {!compact && (
              <>
                <th className={head}>Host</th>
                <th className={head}>Container</th>
              </>
            )}
            <th className={head}>Image</th>
            <th className={head}>Digest</th>
            <th className={head}>Outcome</th>
            <th className={head}>Took</th>
            <th className={head} title="Did the container crash within 10 minutes after the action?">
              Crashed ≤ 10 min
            </th>
            <th className={head}>Error</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <HistoryTableRow
              key={entry.id}
              entry={entry}
              now={now}
              compact={compact}
              columns={compact ? 11 : 13}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
