import type { EngineStats } from "@/lib/docker/engine-stats";
import type { UsageSample } from "./types";

/**
 * Turns one stats document into a sample, the way `docker stats` computes it. `previous` is the last document
 * of the same stream, for I/O rates. Returns null when the engine reports the container as not running.
 */
export function computeUsage(stats: EngineStats, previous: EngineStats | null): UsageSample | null {
  const at = Date.parse(stats.read);
  if (!Number.isFinite(at) || at <= 0) return null;
  const totals = ioTotals(stats);
  const before = previous ? ioTotals(previous) : null;
  const seconds = previous ? (at - Date.parse(previous.read)) / 1000 : 0;
  const rate = (now: number, then: number | undefined) =>
    // A restart resets the counters; a rate would come out negative, so there is none for that sample.
    then === undefined || seconds <= 0 || now < then ? null : (now - then) / seconds;
  return {
    at: stats.read,
    cpuPercent: cpuPercent(stats),
    onlineCpus: onlineCpus(stats),
    memoryUsed: memoryUsed(stats),
    memoryLimit: stats.memory_stats?.limit ?? 0,
    ...totals,
    netRxPerSec: rate(totals.netRxBytes, before?.netRxBytes),
    netTxPerSec: rate(totals.netTxBytes, before?.netTxBytes),
    blockReadPerSec: rate(totals.blockReadBytes, before?.blockReadBytes),
    blockWritePerSec: rate(totals.blockWriteBytes, before?.blockWriteBytes),
    pids: stats.pids_stats?.current ?? null,
  };
}

/**
 * The container's CPU time over the system's CPU time since the engine's previous reading (precpu_stats),
 * times the number of CPUs. The first document of a stream has no previous reading: null.
 */
export function cpuPercent(stats: EngineStats): number | null {
  const previousSystem = stats.precpu_stats?.system_cpu_usage;
  if (!previousSystem) return null;
  const cpuDelta =
    (stats.cpu_stats?.cpu_usage?.total_usage ?? 0) - (stats.precpu_stats?.cpu_usage?.total_usage ?? 0);
  const systemDelta = (stats.cpu_stats?.system_cpu_usage ?? 0) - previousSystem;
  if (systemDelta <= 0 || cpuDelta < 0) return null;
  return (cpuDelta / systemDelta) * onlineCpus(stats) * 100;
}

function onlineCpus(stats: EngineStats): number {
  return stats.cpu_stats?.online_cpus || stats.cpu_stats?.cpu_usage?.percpu_usage?.length || 1;
}

/** Usage minus the inactive page cache: total_inactive_file (cgroup v1), inactive_file (v2), else cache. */
export function memoryUsed(stats: EngineStats): number {
  const usage = stats.memory_stats?.usage ?? 0;
  const detail = stats.memory_stats?.stats ?? {};
  const reclaimable = detail.total_inactive_file ?? detail.inactive_file ?? detail.cache;
  return reclaimable !== undefined && reclaimable < usage ? usage - reclaimable : usage;
}

function ioTotals(stats: EngineStats) {
  let netRxBytes = 0;
  let netTxBytes = 0;
  for (const network of Object.values(stats.networks ?? {})) {
    netRxBytes += network.rx_bytes ?? 0;
    netTxBytes += network.tx_bytes ?? 0;
  }
  let blockReadBytes = 0;
  let blockWriteBytes = 0;
  // cgroup v1 spells the operations "Read"/"Write", v2 "read"/"write".
  for (const entry of stats.blkio_stats?.io_service_bytes_recursive ?? []) {
    const op = entry.op.toLowerCase();
    if (op === "read") blockReadBytes += entry.value;
    else if (op === "write") blockWriteBytes += entry.value;
  }
  return { netRxBytes, netTxBytes, blockReadBytes, blockWriteBytes };
}
