/**
 * Runs at most `size` tasks at once; the rest wait their turn in order. A host's re-inspects go through one: a
 * burst of thousands of events must not open thousands of sockets to one engine (they time out, and the engine
 * drops TLS handshakes), it must queue.
 */
export class TaskPool {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly size: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await task();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}
