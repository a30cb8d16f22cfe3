"use client";
import { Notice } from "@/components/ui/notice";
import {
  formatBytes,
  formatPercent,
  formatRate,
  niceBytesCeiling,
  niceCeiling,
} from "@/lib/stats/format-usage";
import { STATS_WINDOW_MS, useStatsStream } from "@/lib/queries/use-stats-stream";
import { UsageChart } from "./usage-chart";

const MiB = 1024 * 1024;

/** Live CPU, memory, network and block I/O of a running container, over the last 5 minutes. */
export function ResourceCharts({
  hostId,
  name,
  running,
}: {
  hostId: string;
  name: string;
  running: boolean;
}) {
  const { samples, status, error } = useStatsStream(hostId, name, { enabled: running });
  const latest = samples.at(-1);
  const times = samples.map((s) => Date.parse(s.at));
  const end = times.at(-1) ?? 0;
  // The axis grows with the data, from 1 minute up to 5: a page opened a moment ago shows a line, not a dot.
  const windowMs = Math.min(STATS_WINDOW_MS, Math.max(60_000, end - (times[0] ?? end)));
  const peak = (values: (number | null)[]) => Math.max(0, ...values.map((v) => v ?? 0));

  let body;
  if (!running || status === "off") {
    body = <Notice title="Not running — resource usage is shown while the container runs" />;
  } else if (!latest) {
    body =
      status === "error" ? (
        <Notice tone="error" title="Cannot read resource usage">
          {error}
        </Notice>
      ) : (
        <p className="text-sm text-slate-500 dark:text-slate-400">
          {status === "idle"
            ? "The engine reports no usage: the container is not running."
            : "Waiting for the engine's first reading…"}
        </p>
      );
  } else {
    const cpu = samples.map((s) => s.cpuPercent);
    const memory = samples.map((s) => s.memoryUsed);
    const limit = latest.memoryLimit;
    // Scale memory to the limit once usage is a fair part of it, so "close to the limit" is visible at a glance.
    const memoryAtLimit = limit > 0 && peak(memory) > limit / 4;
    const memoryMax = memoryAtLimit ? limit : niceBytesCeiling(peak(memory) * 1.2, MiB);
    const net = [samples.map((s) => s.netRxPerSec), samples.map((s) => s.netTxPerSec)];
    const block = [samples.map((s) => s.blockReadPerSec), samples.map((s) => s.blockWritePerSec)];
    const netMax = niceBytesCeiling(peak([...net[0]!, ...net[1]!]) * 1.2, 1024);
    const blockMax = niceBytesCeiling(peak([...block[0]!, ...block[1]!]) * 1.2, 1024);
    const cpuMax = niceCeiling(peak(cpu) * 1.2, 1);
    const common = { times, end, windowMs };
    body = (
      <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4">
        <UsageChart
          {...common}
          id="cpu"
          title="CPU"
          value={formatPercent(latest.cpuPercent)}
          max={cpuMax}
          maxLabel={`${cpuMax} %`}
          series={[{ key: "cpu", label: "CPU", className: "text-sky-500", values: cpu }]}
        />
        <UsageChart
          {...common}
          id="memory"
          title="Memory"
          value={
            <>
              <span data-testid="memory-used">{formatBytes(latest.memoryUsed)}</span>
              <span className="text-slate-500 dark:text-slate-400"> / {formatBytes(limit)}</span>
            </>
          }
          max={memoryMax}
          maxLabel={memoryAtLimit ? `limit ${formatBytes(limit)}` : formatBytes(memoryMax)}
          limitLine={memoryAtLimit}
          series={[{ key: "memory", label: "used", className: "text-violet-500", values: memory }]}
        />
        <UsageChart
          {...common}
          id="network"
          title="Network I/O"
          value={`↓ ${formatRate(latest.netRxPerSec)} ↑ ${formatRate(latest.netTxPerSec)}`}
          max={netMax}
          maxLabel={formatRate(netMax)}
          series={[
            { key: "rx", label: "received", className: "text-emerald-500", values: net[0]! },
            { key: "tx", label: "sent", className: "text-amber-500", values: net[1]! },
          ]}
        />
        <UsageChart
          {...common}
          id="block"
          title="Block I/O"
          value={`R ${formatRate(latest.blockReadPerSec)} W ${formatRate(latest.blockWritePerSec)}`}
          max={blockMax}
          maxLabel={formatRate(blockMax)}
          series={[
            { key: "read", label: "read", className: "text-emerald-500", values: block[0]! },
            { key: "write", label: "written", className: "text-amber-500", values: block[1]! },
          ]}
        />
      </div>
    );
  }
  return (
    <section aria-label="Resource usage" className="space-y-3">
      <div className="flex items-baseline justify-between gap-2">
        <h2 className="text-lg font-semibold">Resource usage</h2>
        {latest && (
          <p className="text-sm text-slate-500 dark:text-slate-400">
            {latest.onlineCpus} CPU{latest.onlineCpus === 1 ? "" : "s"}
            {latest.pids !== null && ` · ${latest.pids} process${latest.pids === 1 ? "" : "es"}`}
          </p>
        )}
      </div>
      {body}
    </section>
  );
}
