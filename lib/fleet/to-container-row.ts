import type { ContainerInspect } from "@/lib/docker/types";
import { attentionReason } from "./needs-attention";
import { toBareRow } from "./to-bare-row";
import type { ContainerDetail, ContainerRow, LastExit, ResourceLimits } from "./types";

/**
 * A container's row from `docker inspect` alone, judged at `now`. The host watcher adds what only the events
 * tell (why the last run ended) and judges again.
 */
export function toContainerRow(hostId: string, inspect: ContainerInspect, now: number): ContainerRow {
  const row = toBareRow(hostId, {
    id: inspect.Id,
    name: inspect.Name,
    image: inspect.Config.Image,
    imageId: inspect.Image,
    labels: inspect.Config.Labels,
    status: inspect.State.Status,
    health: inspect.State.Health?.Status,
    exitCode: inspect.State.ExitCode,
    oomKilled: inspect.State.OOMKilled,
    restartCount: inspect.RestartCount,
    createdAt: inspect.Created,
    startedAt: inspect.State.StartedAt,
    finishedAt: inspect.State.FinishedAt,
  });
  row.lastExit = lastExitOf(row);
  row.attention = attentionReason(row, now);
  return row;
}

/** What the engine still says about the last death: only while the container is down (a start resets it). */
function lastExitOf(row: ContainerRow): LastExit | null {
  if (row.state !== "exited" && row.state !== "restarting" && row.state !== "dead") return null;
  if (!row.finishedAt) return null;
  return { code: row.exitCode, oom: row.oomKilled, cause: null, at: row.finishedAt };
}

export function toContainerDetail(hostId: string, inspect: ContainerInspect, now: number): ContainerDetail {
  const check = inspect.Config.Healthcheck;
  return {
    ...toContainerRow(hostId, inspect, now),
    command: inspect.Config.Cmd ?? null,
    entrypoint: inspect.Config.Entrypoint ?? null,
    env: inspect.Config.Env ?? [],
    mounts: (inspect.Mounts ?? []).map((mount) => ({
      type: mount.Type,
      name: mount.Name ?? null,
      source: mount.Source,
      destination: mount.Destination,
      mode: mount.Mode,
      rw: mount.RW,
    })),
    ports: toPorts(inspect),
    restartPolicy: {
      name: inspect.HostConfig.RestartPolicy?.Name || "no",
      maximumRetryCount: inspect.HostConfig.RestartPolicy?.MaximumRetryCount ?? 0,
    },
    healthcheck:
      check?.Test && check.Test.length > 0 && check.Test[0] !== "NONE"
        ? {
            test: check.Test,
            intervalNs: check.Interval ?? null,
            timeoutNs: check.Timeout ?? null,
            retries: check.Retries ?? null,
            startPeriodNs: check.StartPeriod ?? null,
          }
        : null,
    limits: toLimits(inspect.HostConfig),
    healthLog: (inspect.State.Health?.Log ?? []).map((probe) => ({
      start: probe.Start,
      end: probe.End,
      exitCode: probe.ExitCode,
      output: probe.Output,
    })),
    networkMode: inspect.HostConfig.NetworkMode ?? "default",
    user: inspect.Config.User ?? "",
    workingDir: inspect.Config.WorkingDir ?? "",
    hostname: inspect.Config.Hostname ?? "",
    error: inspect.State.Error || null,
  };
}

function toLimits(config: ContainerInspect["HostConfig"]): ResourceLimits {
  const positive = (value: number | null | undefined) => (value && value > 0 ? value : null);
  const quota = positive(config.CpuQuota);
  const cpus = positive(config.NanoCpus)
    ? (config.NanoCpus ?? 0) / 1e9
    : quota
      ? quota / (positive(config.CpuPeriod) ?? 100_000)
      : null;
  return {
    memoryBytes: positive(config.Memory),
    memorySwapBytes: config.MemorySwap === -1 ? -1 : positive(config.MemorySwap),
    cpus,
    cpuShares: positive(config.CpuShares),
    pidsLimit: positive(config.PidsLimit),
  };
}

/** Published ports (running containers) plus requested bindings (stopped ones keep them in HostConfig). */
function toPorts(inspect: ContainerInspect) {
  // The engine answers `Ports: {}` (not null) for a container that is not running.
  const live = inspect.NetworkSettings?.Ports;
  const source = live && Object.keys(live).length > 0 ? live : (inspect.HostConfig.PortBindings ?? {});
  return Object.entries(source).flatMap(([containerPort, bindings]) =>
    (bindings ?? [{ HostIp: "", HostPort: "" }]).map((binding) => ({
      containerPort,
      hostIp: binding.HostIp,
      hostPort: binding.HostPort,
    })),
  );
}
