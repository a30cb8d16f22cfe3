import "server-only";
import type { Host } from "@/lib/docker/host-config";
import { readLogTail } from "@/lib/docker/read-log-tail";
import type { LogEntry } from "@/lib/docker/types";
import { withDeadline } from "@/lib/docker/with-deadline";

// Reads in flight per host. A storm of a thousand deaths must not open a thousand log requests to an engine
// that is busy reaping them (they queue inside it and time out together); the rest wait here, in order.
const PER_HOST = 4;

type Job = { host: Host; containerId: string; lines: number; done: (lines: LogEntry[] | null) => void };

/**
 * The log tails of crashed containers, read through a small pool per host, each bounded by the host's timeout:
 * one host's storm never delays the evidence of a crash on another. Resolves null when the read failed.
 */
export class LogTailReader {
  private readonly active = new Map<string, number>();
  private readonly queues = new Map<string, Job[]>();

  /** What an incident keeps of the run that died: its last lines, the last one on stderr, and when they were read. */
  async evidence(
    host: Host,
    containerId: string,
    lines: number,
  ): Promise<{ logTail: string[]; lastStderr: string | null; logReadAt: string } | null> {
    const read = await this.read(host, containerId, lines);
    if (read === null) return null;
    const lastStderr = read.findLast((line) => line.stream === "stderr" && line.text.trim() !== "");
    return {
      logTail: read.map((line) => line.text),
      lastStderr: lastStderr?.text ?? null,
      logReadAt: new Date().toISOString(),
    };
  }

  read(host: Host, containerId: string, lines: number): Promise<LogEntry[] | null> {
    return new Promise((done) => {
      const queue = this.queues.get(host.id) ?? [];
      this.queues.set(host.id, queue);
      queue.push({ host, containerId, lines, done });
      this.next(host.id);
    });
  }

  private next(hostId: string): void {
    const queue = this.queues.get(hostId);
    const active = this.active.get(hostId) ?? 0;
    const job = queue?.shift();
    if (!job) return;
    if (active >= PER_HOST) {
      queue?.unshift(job);
      return;
    }
    this.active.set(hostId, active + 1);
    withDeadline((signal) => readLogTail(job.host, job.containerId, job.lines, signal), job.host.timeoutMs)
      .then(job.done, () => job.done(null))
      .finally(() => {
        this.active.set(hostId, (this.active.get(hostId) ?? 1) - 1);
        this.next(hostId);
      });
  }
}
