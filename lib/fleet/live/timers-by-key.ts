import "server-only";

/** One pending timer per key: setting a key again replaces its timer. Timers never keep the process alive. */
export class TimersByKey {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  set(key: string, at: number, run: () => void): void {
    this.clear(key);
    const timer = setTimeout(
      () => {
        this.timers.delete(key);
        run();
      },
      Math.max(0, at - Date.now()),
    );
    timer.unref();
    this.timers.set(key, timer);
  }

  clear(key: string): void {
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
  }

  clearAll(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
