import type { ContainerInspect } from "@/lib/docker/types";
import { attentionReason } from "./needs-attention";
import {
  containerStates,
  type ContainerDetail,
  type ContainerRow,
  type ContainerState,
  type Health,
  type LastExit,
  type ResourceLimits,
} from "./types";

// Docker writes this instead of null for a container that never started or never stopped.
const ZERO_TIME = "0001-01-01T00:00:00Z";

/**
 * A container's row from `docker inspect` alone, judged at `now`. The host watcher adds what only the events
 * tell (why the last run ended) and judges again.
 */
export function toContainerRow(hostId: string, inspect: ContainerInspect, now: number): ContainerRow {
  const labels = inspect.Config.Labels ?? {};
  const project = labels["com.docker.compose.project"];
  const service = labels["com.docker.compose.service"];
  const row: ContainerRow = {
    hostId,
    id: inspect.Id,
    name: inspect.Name.replace(/^\//, ""),
    image: inspect.Config.Image,
    imageId: inspect.Image,
    state: toState(inspect.State.Status),
    health: toHealth(inspect.State.Health?.Status),
    exitCode: inspect.State.ExitCode,
    oomKilled: inspect.State.OOMKilled,
    restartCount: inspect.RestartCount,
    createdAt: inspect.Created,
    startedAt: toTime(inspect.State.StartedAt),
    finishedAt: toTime(inspect.State.FinishedAt),
    compose: project && service ? { project, service } : null,
    labels,
    exitCause: null,
    lastExit: null,
    attention: null,
    provenance: null,
  };
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

function toState(status: string): ContainerState {
  // An engine newer than the states we know still gets shown, as the closest honest state.
  return (containerStates as readonly string[]).includes(status) ? (status as ContainerState) : "dead";
}

function toHealth(status: string | undefined): Health {
  return status === "healthy" || status === "unhealthy" || status === "starting" ? status : null;
}

function toTime(value: string | undefined): string | null {
  return !value || value === ZERO_TIME ? null : value;
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
