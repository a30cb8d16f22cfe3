/**
 * The part of the Engine API's container inspect document (GET /containers/{id}/json, API 1.41) that Wharf
 * reads. Field names are Docker's own, so the mapping to Wharf's rows can be checked against `docker inspect`.
 */
export type ContainerInspect = {
  Id: string;
  Name: string;
  Created: string;
  Image: string;
  RestartCount: number;
  Path?: string;
  Args?: string[];
  State: {
    Status: string;
    Running: boolean;
    Paused: boolean;
    Restarting: boolean;
    OOMKilled: boolean;
    Dead: boolean;
    Pid: number;
    ExitCode: number;
    Error: string;
    StartedAt: string;
    FinishedAt: string;
    Health?: {
      Status: string;
      FailingStreak: number;
      Log?: { Start: string; End: string; ExitCode: number; Output: string }[] | null;
    };
  };
  Config: {
    Hostname?: string;
    Tty?: boolean;
    User?: string;
    Env?: string[] | null;
    Cmd?: string[] | null;
    Entrypoint?: string[] | null;
    Image: string;
    WorkingDir?: string;
    Labels?: Record<string, string> | null;
    StopSignal?: string;
    Healthcheck?: {
      Test?: string[];
      Interval?: number;
      Timeout?: number;
      Retries?: number;
      StartPeriod?: number;
    } | null;
  };
  HostConfig: {
    NetworkMode?: string;
    RestartPolicy?: { Name: string; MaximumRetryCount: number };
    PortBindings?: Record<string, { HostIp: string; HostPort: string }[] | null> | null;
    Memory?: number;
    MemorySwap?: number;
    NanoCpus?: number;
    CpuShares?: number;
    CpuQuota?: number;
    CpuPeriod?: number;
    PidsLimit?: number | null;
  };
  Mounts?: {
    Type: string;
    Name?: string;
    Source: string;
    Destination: string;
    Mode: string;
    RW: boolean;
  }[];
  NetworkSettings?: {
    Ports?: Record<string, { HostIp: string; HostPort: string }[] | null> | null;
  };
};

export type EngineInfo = { engineVersion: string; apiVersion: string; latencyMs: number };

/** The part of GET /images/{name}/json Wharf reads. */
export type ImageInspect = {
  Id: string;
  RepoTags?: string[] | null;
  RepoDigests?: string[] | null;
  Config?: {
    Env?: string[] | null;
    Cmd?: string[] | null;
    Entrypoint?: string[] | null;
    WorkingDir?: string;
    User?: string;
    Labels?: Record<string, string> | null;
    ExposedPorts?: Record<string, object> | null;
    Volumes?: Record<string, object> | null;
    Healthcheck?: { Test?: string[] } | null;
    StopSignal?: string;
  } | null;
};

/** The full inspect document as the engine returns it, for recreating a container from it. */
export type RawContainerInspect = ContainerInspect & {
  Config: ContainerInspect["Config"] & Record<string, unknown>;
  HostConfig: ContainerInspect["HostConfig"] & Record<string, unknown>;
  NetworkSettings?: ContainerInspect["NetworkSettings"] & {
    Networks?: Record<string, Record<string, unknown>>;
  };
};

/** The part of a `GET /containers/json?all=1` entry that Wharf reads (API 1.41). */
export type ContainerListItem = {
  Id: string;
  Names: string[];
  /** The reference it was created from, or the image id when that reference no longer names its image. */
  Image: string;
  ImageID: string;
  /** Unix seconds. */
  Created: number;
  State: string;
  Status: string;
  Labels: Record<string, string> | null;
};

/** One log line as the logs stream sends it: which stream it came from, its text, the engine's timestamp. */
export type LogEntry = { stream: "stdout" | "stderr"; text: string; ts: string | null };
