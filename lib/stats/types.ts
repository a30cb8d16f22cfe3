/**
 * One point of a container's resource usage, the data of the `sample` event of
 * GET /api/containers/{hostId}/{nameOrId}/stats. Rates are per second since the previous sample; they and the
 * CPU share are null for the first sample of a stream, which has nothing to compare with.
 */
export type UsageSample = {
  /** When the engine read the counters (ISO 8601). */
  at: string;
  /** Like `docker stats`: 100 is one CPU fully busy, so it can reach onlineCpus × 100. */
  cpuPercent: number | null;
  onlineCpus: number;
  /** Bytes in use, without the page cache the kernel can drop (what `docker stats` shows). */
  memoryUsed: number;
  /** The container's memory limit in bytes, or the host's memory when it has none. */
  memoryLimit: number;
  netRxBytes: number;
  netTxBytes: number;
  blockReadBytes: number;
  blockWriteBytes: number;
  netRxPerSec: number | null;
  netTxPerSec: number | null;
  blockReadPerSec: number | null;
  blockWritePerSec: number | null;
  pids: number | null;
};
