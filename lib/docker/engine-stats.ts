/**
 * The part of the Engine API's stats document (GET /containers/{id}/stats, API 1.41) that Wharf reads. Under
 * cgroup v1 memory_stats.stats has total_inactive_file and cache; under v2 inactive_file. A container that is
 * not running is reported with `read` at Go's zero time and empty sections.
 */
export type EngineStats = {
  read: string;
  preread?: string;
  pids_stats?: { current?: number };
  cpu_stats?: CpuStats;
  precpu_stats?: CpuStats;
  memory_stats?: { usage?: number; limit?: number; stats?: Record<string, number> };
  networks?: Record<string, { rx_bytes?: number; tx_bytes?: number }>;
  blkio_stats?: { io_service_bytes_recursive?: { op: string; value: number }[] | null };
};

type CpuStats = {
  cpu_usage?: { total_usage?: number; percpu_usage?: number[] };
  system_cpu_usage?: number;
  online_cpus?: number;
};
