"use client";
import Link from "next/link";
import { ActionBar } from "@/components/actions/action-bar";
import { Can } from "@/components/auth/can";
import { StateBadge } from "@/components/fleet/state-badge";
import { useNow } from "@/components/fleet/use-now";
import { Age } from "@/components/fleet/age";
import { Notice } from "@/components/ui/notice";
import { Spinner } from "@/components/ui/spinner";
import { describeExit } from "@/lib/fleet/describe-exit";
import { describeAttention } from "@/lib/fleet/needs-attention";
import type { RollbackAvailability } from "@/lib/fleet/types";
import { useRunningActions } from "@/lib/queries/use-running-actions";
import { StderrLine } from "@/components/incidents/stderr-line";
import { useIncidents } from "@/lib/queries/use-incidents";
import { useContainer } from "@/lib/queries/use-container";
import { ConsolePanel } from "@/components/console/console-panel";
import { AutohealStatusLine } from "./autoheal-status";
import { ConfigSection } from "./config-section";
import { SectionLinks } from "./section-links";
import { useHeldRunKey } from "./use-held-run-key";
import { Moment } from "@/components/ui/moment";
import { ContainerHistory } from "./container-history";
import { ContainerIncidents } from "./container-incidents";
import { LogViewer } from "./log-viewer";
import { ResourceCharts } from "./resource-charts";

export function ContainerDetailView({ hostId, name }: { hostId: string; name: string }) {
  const { data, error, isPending } = useContainer(hostId, name);
  const now = useNow();
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/" className="text-slate-500 hover:underline dark:text-slate-400">
          ← Fleet
        </Link>
      </p>
      {isPending ? (
        <Spinner label={`Inspecting ${name} on ${hostId}…`} />
      ) : error ? (
        <Notice tone="error" title={`Cannot show ${name} on ${hostId}`}>
          {error.message}
        </Notice>
      ) : (
        <Detail container={data.container} rollback={data.rollback} now={now} />
      )}
    </div>
  );
}

function Detail({
  container,
  rollback,
  now,
}: {
  container: NonNullable<ReturnType<typeof useContainer>["data"]>["container"];
  rollback: RollbackAvailability;
  now: number;
}) {
  const reason = container.attention;
  // The open list is the one the event stream keeps current; the newest open incident is this run's evidence.
  const incident = useIncidents({ open: true }).data?.incidents.find(
    (i) => i.target === "container" && i.hostId === container.hostId && i.containerName === container.name,
  );
  const exit = describeExit(container);
  const acting = useRunningActions().has(`${container.hostId}/${container.name}`);
  // A redeploy replaces the container: its log stays on screen until the new one runs.
  const runKey = useHeldRunKey(
    `${container.id}/${container.startedAt ?? ""}`,
    acting && container.state !== "running",
  );
  return (
    <>
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="min-w-0 break-all text-2xl font-semibold">{container.name}</h1>
        <StateBadge row={container} />
        <span className="text-sm text-slate-500 dark:text-slate-400">
          on {container.hostId} · <Age row={container} />
        </span>
      </header>
      <SectionLinks />
      <Can role="operator">
        <ActionBar container={container} rollback={rollback} />
      </Can>
      <AutohealStatusLine
        hostId={container.hostId}
        name={container.name}
        project={container.compose?.project ?? null}
      />
      {(reason || exit) && (
        <Notice
          tone={reason ? "error" : "info"}
          title={reason ? `Needs attention: ${describeAttention(reason, container)}` : (exit ?? "")}
        >
          <div data-testid="banner-why" className="space-y-1">
            {reason && exit && <p data-testid="banner-exit">{exit}</p>}
            {(container.finishedAt || container.lastExit) && container.state !== "running" && (
              <p>
                Stopped <Moment ago iso={container.finishedAt ?? container.lastExit?.at ?? null} />
              </p>
            )}
            {incident && incident.kind !== "unhealthy" && (
              <p data-testid="banner-evidence">
                {incident.count === 1 ? "Crashed once" : `Crashed ${incident.count} times`} since{" "}
                <Moment ago iso={incident.openedAt} />
                {incident.exitCode !== null && `, last exit code ${incident.exitCode}`}
                {incident.oom && " (killed: out of memory)"}
              </p>
            )}
            {incident?.lastStderr && <StderrLine text={incident.lastStderr} />}
            {container.error && <p>Engine error: {container.error}</p>}
            {container.health === "unhealthy" && container.healthLog.length > 0 && (
              <pre className="mt-2 whitespace-pre-wrap break-all font-mono text-xs">
                {container.healthLog.at(-1)?.output}
              </pre>
            )}
          </div>
        </Notice>
      )}
      <div id="usage" className="scroll-mt-4">
        <ResourceCharts
          hostId={container.hostId}
          name={container.name}
          running={container.state === "running" || container.state === "paused"}
        />
      </div>
      <div id="logs" className="scroll-mt-4">
        {/* A new run (or a new container under the same name) has a log stream of its own. */}
        <LogViewer
          hostId={container.hostId}
          name={container.name}
          runKey={runKey}
          startedAt={container.startedAt}
          finishedAt={container.finishedAt}
          project={container.compose?.project ?? null}
        />
      </div>
      <Can role="operator">
        <div id="console" className="scroll-mt-4">
          <ConsolePanel
            hostId={container.hostId}
            name={container.name}
            running={container.state === "running"}
          />
        </div>
      </Can>
      <div id="incidents" className="scroll-mt-4">
        <ContainerIncidents hostId={container.hostId} name={container.name} now={now} />
      </div>
      <div id="history" className="scroll-mt-4">
        <ContainerHistory hostId={container.hostId} name={container.name} now={now} />
      </div>
      <div id="configuration" className="scroll-mt-4">
        <ConfigSection container={container} />
      </div>
    </>
  );
}
