import { WharfError } from "./errors";
import { replicaLocks } from "./replica-locks";

// Events of an action (the engine's last die/start, the manager's last updatestate) can reach Wharf just after
// the action ends; an event dated before the end and arriving this soon after it is still the action's.
const RECENT_MS = 2_000;
// Release times are only asked about for RECENT_MS; past this many, the stale ones are swept on release.
const SWEEP_AT = 1_000;

const keyOf = (hostId: string, name: string) => `${hostId}/${name}`;

type Table<A> = { running: Map<string, A>; released: Map<string, number> };

/**
 * One action at a time per object on a host (a container, a service), refused at once with a 409 rather than queued: the
 * first action may change what the second was meant for, and two recreates (or two updates built on the same
 * spec version) would race. It also remembers when each key's last action ended, so the engine's late events
 * for it are told apart from a command someone gives right after. The table lives on globalThis under `name`:
 * Next can load a module twice in one process, and two tables would be no lock. With several replicas it also takes
 * the key's lock across them (./replica-locks); `busy` then gets null for the action, which is another replica's.
 */
export class KeyedLock<A extends string> {
  private readonly table: Table<A>;

  constructor(
    private readonly name: string,
    private readonly busy: (running: A | null, hostId: string, name: string) => string,
  ) {
    const holder = globalThis as { [key: symbol]: Table<A> | undefined };
    this.table = holder[Symbol.for(`wharf.lock.${name}`)] ??= { running: new Map(), released: new Map() };
  }

  async run<T>(hostId: string, name: string, action: A, work: () => Promise<T>): Promise<T> {
    const key = keyOf(hostId, name);
    const running = this.table.running.get(key);
    if (running) throw new WharfError("CONFLICT", this.busy(running, hostId, name));
    // Taken before the first await: two requests in this process can never both pass the check above.
    this.table.running.set(key, action);
    let unlock: (() => Promise<void>) | null = null;
    try {
      const across = replicaLocks();
      if (across) {
        unlock = await across.tryLock(`${this.name}/${key}`);
        if (!unlock) throw new WharfError("CONFLICT", this.busy(null, hostId, name));
      }
      return await work();
    } finally {
      await unlock?.().catch((error: unknown) =>
        console.error(`[wharf] releasing the replicas' lock on ${key} failed`, error),
      );
      this.table.running.delete(key);
      this.sweep();
      this.table.released.set(key, Date.now());
    }
  }

  running(hostId: string, name: string): A | undefined {
    return this.table.running.get(keyOf(hostId, name));
  }

  /**
   * Whether an event for the object dated `eventAt` (ms, the engine's clock) came from an action of Wharf's: one is
   * under way, or one ended moments ago and the event is from before its end. The engine's clock and Wharf's
   * agree on one machine and, with NTP, to well under the time a person takes to type a command.
   */
  actedOn(hostId: string, name: string, eventAt: number): boolean {
    const key = keyOf(hostId, name);
    if (this.table.running.has(key)) return true;
    const end = this.table.released.get(key);
    return end !== undefined && Date.now() - end <= RECENT_MS && eventAt <= end;
  }

  private sweep(): void {
    const { released } = this.table;
    if (released.size < SWEEP_AT) return;
    const now = Date.now();
    for (const [key, at] of released) if (now - at > RECENT_MS) released.delete(key);
  }
}
