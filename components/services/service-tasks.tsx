"use client";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Moment } from "@/components/ui/moment";
import { Spinner } from "@/components/ui/spinner";
import { useService } from "@/lib/queries/use-service";

const short = (id: string | null) => (id ? id.slice(0, 12) : "—");

/** A service's tasks with their nodes (failing ones flagged red, as crashed containers are), history, incidents. */
export function ServiceTasks({ hostId, name }: { hostId: string; name: string }) {
  const { data, error, isPending } = useService(hostId, name);
  if (isPending) return <Spinner label="Loading tasks…" />;
  if (error)
    return (
      <p role="alert" className="text-sm text-red-700">
        Cannot show the tasks: {error.message}
      </p>
    );
  // A history row's incidents are those that name it as the deploy before them (of the ones listed here).
  const incidentsOf = (historyId: number) =>
    data.incidents.filter((incident) => incident.deploy?.historyId === historyId).reverse();
  const incidentLink = (id: number) =>
    `/incidents?host=${encodeURIComponent(hostId)}&container=${encodeURIComponent(name)}#incident-${id}`;
  return (
    <div className="space-y-4 pt-3">
      <table className="w-full text-left text-xs" aria-label={`Tasks of ${name}`}>
        <thead className="text-slate-500">
          <tr>
            <th className="py-1">Task</th>
            <th>Node</th>
            <th>Desired</th>
            <th>Current</th>
            <th>Error</th>
            <th>Exit</th>
            <th>Container</th>
            <th>Updated</th>
          </tr>
        </thead>
        <tbody>
          {data.tasks.map((task) => (
            <tr
              key={task.id}
              data-testid="task-row"
              data-state={task.state}
              data-failing={task.failing ? "1" : "0"}
              data-node-host={task.nodeHostId ?? ""}
              className={`border-t border-slate-200 dark:border-slate-800 ${task.failing ? "bg-red-50 dark:bg-red-950/40" : ""}`}
            >
              <td className="py-1 font-mono">
                {name}.{task.slot ?? task.nodeId?.slice(0, 6)}{" "}
                <span className="text-slate-400">{short(task.id)}</span>
              </td>
              <td>{task.nodeHostId ?? task.node ?? short(task.nodeId)}</td>
              <td>{task.desiredState}</td>
              <td>
                <Badge tone={task.failing ? "red" : task.state === "running" ? "green" : "gray"}>
                  {task.state}
                </Badge>
              </td>
              <td className="max-w-xs truncate text-red-700 dark:text-red-400" title={task.error ?? ""}>
                {task.error ?? ""}
              </td>
              <td className="tabular-nums">{task.exitCode ?? ""}</td>
              <td className="font-mono">
                {task.containerId && task.nodeHostId ? (
                  <Link
                    className="hover:underline"
                    href={`/containers/${encodeURIComponent(task.nodeHostId)}/${task.containerId.slice(0, 12)}`}
                  >
                    {short(task.containerId)}
                  </Link>
                ) : (
                  short(task.containerId)
                )}
              </td>
              <td className="text-slate-500">
                <Moment iso={task.updatedAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {data.incidents.length > 0 && (
        <section aria-label="Service incidents" className="space-y-1">
          <h4 className="text-xs font-semibold uppercase text-slate-500">Incidents</h4>
          {data.incidents.map((incident) => (
            <div
              key={incident.id}
              data-testid="service-incident"
              data-kind={incident.kind}
              data-open={incident.endedAt ? "0" : "1"}
              className="rounded-md border border-red-200 p-2 text-xs dark:border-red-900"
            >
              <Badge tone={incident.endedAt ? "gray" : "red"}>
                {incident.kind === "short" ? "short of replicas" : "task failed"}
              </Badge>{" "}
              <span data-testid="service-incident-count">{incident.count}×</span> {incident.error}
              {incident.exitCode !== null && ` (exit ${incident.exitCode})`}
              {incident.logTail.length > 0 && (
                <pre className="mt-1 max-h-32 overflow-auto rounded bg-slate-950 p-2 text-slate-100">
                  {incident.logTail.join("\n")}
                </pre>
              )}
            </div>
          ))}
        </section>
      )}
      {data.history.length > 0 && (
        <section aria-label="Service history">
          <h4 className="text-xs font-semibold uppercase text-slate-500">History</h4>
          <ul className="text-xs">
            {data.history.map((entry) => (
              <li key={entry.id} data-testid="service-history-row" data-outcome={entry.outcome ?? ""}>
                <Moment iso={entry.at} /> · {entry.actor} · {entry.action} ·{" "}
                <strong>{entry.outcome ?? "running"}</strong>
                {entry.digestBefore !== entry.digestAfter && entry.digestAfter && (
                  <span className="font-mono">
                    {" "}
                    {short(entry.digestBefore?.replace("sha256:", "") ?? null)} →{" "}
                    {short(entry.digestAfter.replace("sha256:", ""))}
                  </span>
                )}
                {entry.error && <span className="text-red-700 dark:text-red-400"> — {entry.error}</span>}
                {incidentsOf(entry.id).map((incident) => (
                  <Link
                    key={incident.id}
                    href={incidentLink(incident.id)}
                    data-testid="service-history-incident"
                    className="ml-2 whitespace-nowrap font-medium text-red-700 hover:underline dark:text-red-400"
                    title="An incident that opened within 30 minutes after this deploy"
                  >
                    incident #{incident.id}
                  </Link>
                ))}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
