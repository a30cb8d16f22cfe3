import { formatDuration, formatRate } from "@/lib/insights/format-figures";
import type { GroupFigures } from "@/lib/insights/types";

/** The figures per service, project or host, with the previous period beside them. */
export function GroupTable({
  title,
  groups,
  testId,
}: {
  title: string;
  groups: GroupFigures[];
  testId: string;
}) {
  return (
    <section aria-label={title} className="min-w-0 space-y-2">
      <h2 className="text-sm font-semibold">{title}</h2>
      {groups.length === 0 ? (
        <p className="text-sm text-slate-500">No deploys.</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
          <table data-testid={testId} className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-xs uppercase text-slate-500 dark:bg-slate-900">
              <tr>
                <th className="px-3 py-2">Name</th>
                <th className="px-3 py-2">Deploys</th>
                <th className="px-3 py-2">Change failure</th>
                <th className="px-3 py-2">Lead time</th>
                <th className="px-3 py-2">Restore</th>
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <tr key={g.key} data-key={g.key} className="border-t border-slate-200 dark:border-slate-800">
                  <td className="px-3 py-1.5 font-mono text-xs whitespace-nowrap">{g.key}</td>
                  <td className="px-3 py-1.5">
                    {g.deploys} <span className="text-xs text-slate-500">(was {g.previousDeploys})</span>
                  </td>
                  <td className="px-3 py-1.5">
                    {formatRate(g.changeFailureRate)}{" "}
                    <span className="text-xs text-slate-500">
                      (was {formatRate(g.previousChangeFailureRate)})
                    </span>
                  </td>
                  <td className="px-3 py-1.5">{formatDuration(g.leadTimeMedianMs)}</td>
                  <td className="px-3 py-1.5">{formatDuration(g.restoreMedianMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
