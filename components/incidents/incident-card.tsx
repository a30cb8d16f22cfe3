import Link from "next/link";
import type { ReactNode } from "react";
import { Can } from "@/components/auth/can";
import { containerHref } from "@/components/fleet/attention-list";
import { Moment } from "@/components/ui/moment";
import type { EndReason, Incident } from "@/lib/fleet/incident-types";
import { AcknowledgeButton } from "./acknowledge-button";
import { StderrLine } from "./stderr-line";
import { IncidentKindBadge } from "./incident-kind-badge";
import { IncidentDeploy } from "./incident-deploy";

/**
 * One incident with its evidence. `compact` is for the container page, where the container and host are
 * already in the heading and the log would crowd out everything else, so it folds away.
 */
export function IncidentCard({
  incident,
  now,
  compact = false,
}: {
  incident: Incident;
  now: number;
  compact?: boolean;
}) {
  const open = incident.endedAt === null;
  const service = incident.target === "service";
  const log = incident.logTail.length > 0 && (
    // column-reverse keeps the scroll at the bottom, where the lines that explain the crash are.
    <pre
      data-testid="incident-log"
      className="flex max-h-64 flex-col-reverse overflow-auto rounded-md bg-slate-950 p-3 font-mono text-xs leading-relaxed text-slate-100 dark:ring-1 dark:ring-slate-700"
    >
      <code>{incident.logTail.join("\n")}</code>
    </pre>
  );
  return (
    <article
      id={`incident-${incident.id}`}
      data-testid="incident-card"
      data-kind={incident.kind}
      data-target={incident.target}
      data-end-reason={incident.endReason ?? ""}
      data-host={incident.hostId}
      data-container={incident.containerName}
      data-open={open ? "1" : "0"}
      className={`space-y-3 rounded-lg border bg-white dark:bg-slate-900 ${compact ? "p-3" : "p-4"} ${
        open
          ? "border-red-300 border-l-4 border-l-red-500 dark:border-red-900 dark:border-l-red-500"
          : "border-slate-200 dark:border-slate-800"
      }`}
    >
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-1 text-sm">
          <IncidentKindBadge incident={incident} />
          {!compact && (
            <>
              <Link
                href={
                  service
                    ? `/services?service=${encodeURIComponent(incident.containerName)}`
                    : containerHref({ hostId: incident.hostId, name: incident.containerName })
                }
                className="font-semibold hover:underline"
              >
                {service && <span className="font-normal text-slate-500 dark:text-slate-400">service </span>}
                {incident.containerName}
              </Link>
              <span className="text-slate-500 dark:text-slate-400">on {incident.hostId}</span>
            </>
          )}
          <span
            className="truncate font-mono text-xs text-slate-600 dark:text-slate-300"
            title={incident.containerId.slice(0, 12)}
          >
            {incident.image}
          </span>
        </div>
        {incident.acknowledgedBy ? (
          <p data-testid="incident-acknowledged" className="text-xs text-slate-500 dark:text-slate-400">
            acknowledged by {incident.acknowledgedBy}
            {incident.acknowledgedAt && (
              <>
                , <When iso={incident.acknowledgedAt} now={now} />
              </>
            )}
          </p>
        ) : (
          <Can role="operator">
            <AcknowledgeButton id={incident.id} />
          </Can>
        )}
      </header>
      <dl className="flex flex-wrap gap-x-6 gap-y-1 text-xs text-slate-600 dark:text-slate-300">
        <Fact label="opened">
          <When iso={incident.openedAt} now={now} />
        </Fact>
        <Fact label="last">
          <When iso={incident.lastAt} now={now} />
        </Fact>
        <Fact label="ended">
          {incident.endedAt ? (
            <span data-testid="incident-ended">
              {incident.endReason && `${endWords[incident.endReason]}, `}
              <When iso={incident.endedAt} now={now} />
            </span>
          ) : (
            <span className="font-semibold text-red-700 dark:text-red-400">still open</span>
          )}
        </Fact>
        <Fact label={service && incident.kind === "short" ? "seen" : service ? "failed tasks" : "deaths"}>
          <span data-testid="incident-count" className="tabular-nums">
            {incident.count}
          </span>
        </Fact>
        {incident.exitCode !== null && (
          <Fact label="last exit">
            <span data-testid="incident-exit-code" className="tabular-nums">
              {incident.exitCode}
              {incident.oom && " (OOM killed)"}
            </span>
          </Fact>
        )}
      </dl>
      {incident.deploy && <IncidentDeploy incident={incident} deploy={incident.deploy} />}
      {incident.lastStderr && <StderrLine text={incident.lastStderr} />}
      {incident.error && (
        <p data-testid="incident-error" className="font-mono text-xs text-red-800 dark:text-red-300">
          {incident.error}
        </p>
      )}
      {incident.notes.length > 0 && (
        <ul data-testid="incident-notes" className="space-y-0.5 text-xs text-slate-700 dark:text-slate-200">
          {incident.notes.map((note, index) => (
            <li key={index} data-testid="incident-note">
              <When iso={note.at} now={now} /> · {note.text}
            </li>
          ))}
        </ul>
      )}
      {incident.kind === "unhealthy" && incident.healthOutput && (
        <div>
          <p className="mb-1 text-xs font-medium text-orange-800 dark:text-orange-300">Health check output</p>
          <pre className="max-h-40 overflow-auto whitespace-pre-wrap rounded-md bg-orange-50 p-3 font-mono text-xs text-orange-950 dark:bg-orange-950/50 dark:text-orange-100">
            {incident.healthOutput}
          </pre>
        </div>
      )}
      {!log ? (
        <p className="text-xs text-slate-500 dark:text-slate-400">No log lines were captured.</p>
      ) : compact ? (
        <details>
          <summary className="cursor-pointer text-xs text-slate-600 dark:text-slate-300">
            Log tail ({incident.logTail.length} lines)
          </summary>
          <div className="mt-2">{log}</div>
        </details>
      ) : (
        log
      )}
    </article>
  );
}

const endWords: Record<EndReason, string> = {
  recovered: "recovered",
  removed: "removed",
  replaced: "replaced by a redeploy",
};

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex gap-1">
      <dt className="text-slate-500 dark:text-slate-400">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

// Written as every moment is (components/ui/moment.tsx): UTC, how long ago on hover, ticking on its own clock.
function When({ iso }: { iso: string; now: number }) {
  return <Moment iso={iso} />;
}
