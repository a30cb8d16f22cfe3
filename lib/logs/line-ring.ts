import type { LogEntry } from "@/lib/docker/types";

/** The last `capacity` lines pushed, and how many were pushed in all: a long log passes through, a page stays. */
export class LineRing {
  private readonly kept: LogEntry[] = [];
  private start = 0;
  size = 0;

  constructor(private readonly capacity: number) {}

  push(line: LogEntry): void {
    this.size += 1;
    if (this.capacity <= 0) return;
    if (this.kept.length < this.capacity) this.kept.push(line);
    else {
      this.kept[this.start] = line;
      this.start = (this.start + 1) % this.capacity;
    }
  }

  /** Oldest first. */
  lines(): LogEntry[] {
    return [...this.kept.slice(this.start), ...this.kept.slice(0, this.start)];
  }
}
