/**
 * Runs a task per key, never two at once for one key: asked again while its run is under way, the key runs
 * exactly once more after it, however many times it was asked. A burst of events for one container costs two
 * inspects, not one each, and the last one always sees the latest state.
 */
export class CoalescedRuns {
  private readonly running = new Set<string>();
  private readonly again = new Set<string>();

  /** `go` says whether a run asked for meanwhile is still wanted (false once its watcher has stopped). */
  request(key: string, task: () => Promise<void>, go: () => boolean = () => true): void {
    if (this.running.has(key)) {
      this.again.add(key);
      return;
    }
    this.running.add(key);
    void (async () => {
      try {
        do {
          this.again.delete(key);
          await task();
        } while (this.again.has(key) && go());
      } finally {
        this.running.delete(key);
        this.again.delete(key);
      }
    })();
  }
}
