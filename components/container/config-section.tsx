import type { ReactNode } from "react";
import type { ContainerDetail } from "@/lib/fleet/types";
import { formatBytes } from "@/lib/stats/format-usage";
import { EnvList } from "./env-list";
import { Moment } from "@/components/ui/moment";
import { ProvenanceDetail } from "./provenance-detail";

const seconds = (ns: number | null) => (ns ? `${ns / 1e9} s` : "default");

export function ConfigSection({ container: c }: { container: ContainerDetail }) {
  const items: [string, ReactNode][] = [
    ["Container id", <code key="id">{c.id}</code>],
    ["Image", <code key="image">{c.image}</code>],
    ["Image id", <code key="imageId">{c.imageId}</code>],
    ["Image version", <ProvenanceDetail key="provenance" provenance={c.provenance} />],
    ["Compose", c.compose ? `${c.compose.project} / ${c.compose.service}` : "—"],
    ["Docker state", c.state],
    ["Health", c.health ?? "no health check"],
    ["Exit code", String(c.exitCode)],
    ["OOM killed", c.oomKilled ? "yes" : "no"],
    ["Restart count", String(c.restartCount)],
    [
      "Restart policy",
      c.restartPolicy.maximumRetryCount
        ? `${c.restartPolicy.name} (max ${c.restartPolicy.maximumRetryCount})`
        : c.restartPolicy.name,
    ],
    ["Created", <Moment ago key="created" iso={c.createdAt} />],
    ["Started", <Moment ago key="started" iso={c.startedAt} fallback="never" />],
    ["Finished", <Moment ago key="finished" iso={c.finishedAt} />],
    [
      "Memory limit",
      <span key="mem" data-testid="limit-memory">
        {c.limits.memoryBytes === null
          ? "no limit"
          : `${formatBytes(c.limits.memoryBytes)}${
              c.limits.memorySwapBytes === -1
                ? " (swap unlimited)"
                : c.limits.memorySwapBytes && c.limits.memorySwapBytes > c.limits.memoryBytes
                  ? ` (+ ${formatBytes(c.limits.memorySwapBytes - c.limits.memoryBytes)} swap)`
                  : ""
            }`}
      </span>,
    ],
    [
      "CPU limit",
      <span key="cpu" data-testid="limit-cpu">
        {c.limits.cpus === null ? "no limit" : `${c.limits.cpus} CPU${c.limits.cpus === 1 ? "" : "s"}`}
        {c.limits.cpuShares !== null && `, ${c.limits.cpuShares} shares`}
      </span>,
    ],
    ["PIDs limit", c.limits.pidsLimit === null ? "no limit" : String(c.limits.pidsLimit)],
    ["Entrypoint", c.entrypoint ? <code key="ep">{JSON.stringify(c.entrypoint)}</code> : "image default"],
    ["Command", c.command ? <code key="cmd">{JSON.stringify(c.command)}</code> : "image default"],
    ["Network mode", c.networkMode],
    ["User", c.user || "image default"],
    ["Working dir", c.workingDir || "image default"],
    ["Hostname", c.hostname],
    [
      "Health check",
      c.healthcheck ? (
        <code key="hc">
          {JSON.stringify(c.healthcheck.test)} every {seconds(c.healthcheck.intervalNs)}, timeout{" "}
          {seconds(c.healthcheck.timeoutNs)}, retries {c.healthcheck.retries ?? "default"}, start period{" "}
          {seconds(c.healthcheck.startPeriodNs)}
        </code>
      ) : (
        "none"
      ),
    ],
  ];
  return (
    <div className="grid min-w-0 gap-6 lg:grid-cols-2">
      <Panel title="Overview">
        <dl className="grid grid-cols-[7.5rem_1fr] gap-x-4 gap-y-1.5 text-sm sm:grid-cols-[10rem_1fr]">
          {items.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-slate-500 dark:text-slate-400">{label}</dt>
              <dd className="min-w-0 break-all">{value}</dd>
            </div>
          ))}
        </dl>
      </Panel>
      <div className="space-y-6">
        <Panel title={`Environment (${c.env.length})`}>
          <EnvList hostId={c.hostId} name={c.name} env={c.env} />
        </Panel>
        <Panel title={`Labels (${Object.keys(c.labels).length})`}>
          <List items={Object.entries(c.labels).map(([k, v]) => `${k}=${v}`)} empty="No labels" />
        </Panel>
        <Panel title={`Mounts (${c.mounts.length})`}>
          <List
            items={c.mounts.map(
              (m) => `${m.type}: ${m.name ?? m.source} → ${m.destination}${m.rw ? "" : " (ro)"}`,
            )}
            empty="No mounts"
          />
        </Panel>
        <Panel title={`Ports (${c.ports.length})`}>
          <List
            items={c.ports.map((p) =>
              p.hostPort
                ? `${p.hostIp || "0.0.0.0"}:${p.hostPort} → ${p.containerPort}`
                : `${p.containerPort} (not published)`,
            )}
            empty="No ports"
          />
        </Panel>
        {c.healthLog.length > 0 && (
          <Panel title="Recent health checks">
            <List
              items={c.healthLog.map((p) => `${p.end} exit ${p.exitCode}: ${p.output.trim()}`)}
              empty=""
            />
          </Panel>
        )}
      </div>
    </div>
  );
}

function Panel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <h2 className="mb-3 text-sm font-semibold">{title}</h2>
      {children}
    </section>
  );
}

function List({ items, empty }: { items: string[]; empty: string }) {
  if (items.length === 0) return <p className="text-sm text-slate-500 dark:text-slate-400">{empty}</p>;
  return (
    <ul className="space-y-1 font-mono text-xs">
      {items.map((item, index) => (
        <li key={index} className="break-all">
          {item}
        </li>
      ))}
    </ul>
  );
}
