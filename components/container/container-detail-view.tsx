"use client";
import Link from "next/link";
import { ActionBar } from "@/components/actions/action-bar";
import { Can } from "@/components/auth/can";
import { StateBadge } from "@/components/fleet/state-badge";
import { useNow } from "@/components/fleet/use-now";
import { Notice } from "@/components/ui/notice";
import { Spinner } from "@/components/ui/spinner";
import { describeAge } from "@/lib/fleet/format-age";
import { describeAttention } from "@/lib/fleet/needs-attention";
import { StderrLine } from "@/components/incidents/stderr-line";
import { useIncidents } from "@/lib/queries/use-incidents";
import { useContainer } from "@/lib/queries/use-container";
import { AutohealStatusLine } from "./autoheal-status";
import { ConfigSection } from "./config-section";
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
        <Detail container={data.container} now={now} />
      )}
    </div>
  );
}

function Detail({
  container,
  now,
}: {
  container: NonNullable<ReturnType<typeof useContainer>["data"]>["container"];
  now: number;
}) {
  const reason = container.attention;
  // The open list is the one the event stream keeps current; the newest open incident is this run's evidence.
  const incident = useIncidents({ open: true }).data?.incidents.find(
    (i) => i.hostId === container.hostId && i.containerName === container.name,
  );
  return (
    <>
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{container.name}</h1>
        <StateBadge row={container} />
        <span className="text-sm text-slate-500 dark:text-slate-400">
          on {container.hostId} · {describeAge(container, now)}
        </span>
      </header>
      <Can role="operator">
        <ActionBar container={container} />
      </Can>
      <AutohealStatusLine
        hostId={container.hostId}
        name={container.name}
        project={container.compose?.project ?? null}
      />
      {reason && (
        <Notice tone="error" title={`Needs attention: ${describeAttention(reason, container)}`}>
          {incident && incident.kind !== "unhealthy" && (
            <p data-testid="banner-evidence">
              {incident.count === 1 ? "Crashed once" : `Crashed ${incident.count} times`} since{" "}
              <time dateTime={incident.openedAt}>{new Date(incident.openedAt).toLocaleTimeString()}</time>
              {incident.exitCode !== null && `, last exit code ${incident.exitCode}`}
              {incident.oom && " (killed: out of memory)"}
            </p>
          )}
          {incident?.lastStderr && <StderrLine text={incident.lastStderr} />}
          {container.error && <p>Engine error: {container.error}</p>}
          {container.health === "unhealthy" && container.healthLog.length > 0 && (
            <pre className="mt-2 whitespace-pre-wrap font-mono text-xs">
              {container.healthLog.at(-1)?.output}
            </pre>
          )}
        </Notice>
      )}
      <ResourceCharts
        hostId={container.hostId}
        name={container.name}
        running={container.state === "running" || container.state === "paused"}
      />
      {/* A new run (or a new container under the same name) has a log stream of its own. */}
      <LogViewer
        hostId={container.hostId}
        name={container.name}
        runKey={`${container.id}/${container.startedAt ?? ""}`}
      />
      <ContainerIncidents hostId={container.hostId} name={container.name} now={now} />
      <ContainerHistory hostId={container.hostId} name={container.name} now={now} />
      <ConfigSection container={container} />
    </>
  );
}
