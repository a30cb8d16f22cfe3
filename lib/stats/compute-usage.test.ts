import { describe, expect, it } from "vitest";
import type { EngineStats } from "@/lib/docker/engine-stats";
import { computeUsage, cpuPercent, memoryUsed } from "./compute-usage";

// Two consecutive documents of a real dockerd 20.10 stats stream (cgroup v1), trimmed to what Wharf reads.
const first: EngineStats = {
  read: "2026-11-26T03:09:55.452189502Z",
  preread: "0001-01-01T00:00:00Z",
  pids_stats: { current: 2 },
  cpu_stats: {
    cpu_usage: { total_usage: 23_503_322, percpu_usage: [10_912_032, 12_591_290] },
    system_cpu_usage: 4_588_230_000_000,
    online_cpus: 2,
  },
  precpu_stats: { cpu_usage: { total_usage: 0 } },
  memory_stats: {
    usage: 651_264,
    limit: 25_276_510_208,
    stats: { cache: 4096, total_inactive_file: 0, inactive_file: 0 },
  },
  blkio_stats: { io_service_bytes_recursive: [] },
};
const second: EngineStats = {
  ...first,
  read: "2026-11-26T03:09:56.455987005Z",
  cpu_stats: { cpu_usage: { total_usage: 25_834_867 }, system_cpu_usage: 4_590_210_000_000, online_cpus: 2 },
  precpu_stats: first.cpu_stats,
  memory_stats: { usage: 1_003_520, limit: 25_276_510_208, stats: { total_inactive_file: 3_520 } },
};

describe("cpuPercent", () => {
  it("is the container's share of the system's CPU time since the last reading, times the CPUs", () => {
    // (25834867 - 23503322) / (4590210000000 - 4588230000000) * 2 * 100
    expect(cpuPercent(second)).toBeCloseTo(0.2355, 4);
  });

  it("is null for the first document of a stream, which has no previous reading", () => {
    expect(cpuPercent(first)).toBeNull();
  });

  it("can exceed 100 when more than one CPU is busy", () => {
    const busy: EngineStats = {
      read: second.read,
      precpu_stats: { cpu_usage: { total_usage: 0 }, system_cpu_usage: 1_000 },
      cpu_stats: { cpu_usage: { total_usage: 900, percpu_usage: [450, 450, 0, 0] }, system_cpu_usage: 2_000 },
    };
    expect(cpuPercent(busy)).toBe(360);
  });
});

describe("memoryUsed", () => {
  it("subtracts the inactive page cache (cgroup v1 total_inactive_file)", () => {
    expect(memoryUsed(second)).toBe(1_000_000);
  });

  it("uses inactive_file under cgroup v2", () => {
    expect(
      memoryUsed({ read: second.read, memory_stats: { usage: 10_000, stats: { inactive_file: 4_000 } } }),
    ).toBe(6_000);
  });

  it("falls back to cache, and never goes below zero", () => {
    expect(memoryUsed({ read: second.read, memory_stats: { usage: 10_000, stats: { cache: 1_000 } } })).toBe(
      9_000,
    );
    expect(
      memoryUsed({ read: second.read, memory_stats: { usage: 10_000, stats: { inactive_file: 20_000 } } }),
    ).toBe(10_000);
  });
});

describe("computeUsage", () => {
  it("reads memory, limit, CPUs and pids", () => {
    expect(computeUsage(second, first)).toMatchObject({
      at: second.read,
      memoryUsed: 1_000_000,
      memoryLimit: 25_276_510_208,
      onlineCpus: 2,
      pids: 2,
    });
  });

  it("turns network and block I/O counters into rates per second", () => {
    const a: EngineStats = {
      read: "2026-01-01T00:00:00Z",
      networks: { eth0: { rx_bytes: 1_000, tx_bytes: 500 }, eth1: { rx_bytes: 0, tx_bytes: 100 } },
      blkio_stats: {
        io_service_bytes_recursive: [
          { op: "Read", value: 4_096 },
          { op: "Write", value: 0 },
          { op: "Total", value: 4_096 },
        ],
      },
    };
    const b: EngineStats = {
      read: "2026-01-01T00:00:02Z",
      networks: { eth0: { rx_bytes: 3_000, tx_bytes: 900 }, eth1: { rx_bytes: 0, tx_bytes: 100 } },
      blkio_stats: {
        io_service_bytes_recursive: [
          { op: "read", value: 8_192 },
          { op: "write", value: 2_048 },
        ],
      },
    };
    expect(computeUsage(b, a)).toMatchObject({
      netRxBytes: 3_000,
      netTxBytes: 1_000,
      blockReadBytes: 8_192,
      blockWriteBytes: 2_048,
      netRxPerSec: 1_000,
      netTxPerSec: 200,
      blockReadPerSec: 2_048,
      blockWritePerSec: 1_024,
    });
  });

  it("has no rates for the first sample, nor after the counters went back (a restart)", () => {
    expect(computeUsage(first, null)).toMatchObject({
      netRxPerSec: null,
      blockWritePerSec: null,
      cpuPercent: null,
    });
    const later: EngineStats = { read: "2026-01-01T00:00:01Z", networks: { eth0: { rx_bytes: 10 } } };
    const restarted: EngineStats = { read: "2026-01-01T00:00:02Z", networks: { eth0: { rx_bytes: 2 } } };
    expect(computeUsage(restarted, later)?.netRxPerSec).toBeNull();
  });

  it("is null for a container that is not running (the engine's zero time)", () => {
    expect(computeUsage({ read: "0001-01-01T00:00:00Z", memory_stats: {} }, null)).toBeNull();
  });
});
