import "server-only";
import type { DedicatedConnection } from "@/lib/db/dedicated-connection";

// One key for the whole database: advisory locks are per database, so two fleets on one server stay apart.
// ("wharf_r", the recorder.)
const LEASE_KEY = "33610289968996210";
// A follower asks again this often: a dead holder's lease is taken within about this much after PostgreSQL
// notices its connection is gone (at once for a killed process: the kernel closes its socket).
const RETRY_MS = 1_000;
// The holder checks its connection this often: a connection that silently stopped answering (a cut network) must
// end recording before another replica, whose lock PostgreSQL then grants, starts.
const CHECK_MS = 1_000;
const CHECK_TIMEOUT_MS = 2_000;
// A holder that lost its connection waits this many retries before asking again: whatever broke its connection
// may break the next, and a follower in good health should be the one to take over.
const STEP_BACK = 3;

export type LeaseState = { recorder: boolean; reason: string };

/**
 * The recorder's lease: a session-level advisory lock held on a connection of its own. Holding the lock is being
 * the recorder; losing the connection (a server restart, pg_terminate_backend, a network cut) is losing it, and
 * recording stops at once. PostgreSQL decides who holds it: nothing here votes or keeps clocks.
 */
export class RecorderLease {
  private recorder = false;
  private stopped = false;
  private connection: DedicatedConnection | null = null;
  private timer: NodeJS.Timeout | null = null;
  private steppingBack = false;
  private readonly listeners = new Set<(state: LeaseState) => void>();

  constructor(
    private readonly open: () => Promise<DedicatedConnection>,
    private readonly timing = { retryMs: RETRY_MS, checkMs: CHECK_MS, checkTimeoutMs: CHECK_TIMEOUT_MS },
  ) {}

  start(): void {
    void this.attempt();
  }

  isRecorder(): boolean {
    return this.recorder;
  }

  /** Told of every change of role, with why. */
  onChange(listener: (state: LeaseState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Gives the lease up (closing the connection frees the lock) and stops trying. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    const connection = this.connection;
    this.connection = null;
    this.set(false, "stopped");
    await connection?.close();
  }

  /** A replica that cannot use its database must not record: it lets the lease go (and asks again later). */
  giveUp(reason: string): void {
    if (this.recorder) this.drop(reason);
  }

  private async attempt(): Promise<void> {
    this.timer = null;
    if (this.stopped) return;
    if (this.steppingBack) {
      this.steppingBack = false;
      return this.schedule(this.timing.retryMs * STEP_BACK);
    }
    try {
      const connection = await this.connect();
      if (this.recorder) {
        await withTimeout(connection.query("SELECT 1"), this.timing.checkTimeoutMs);
      } else {
        const [row] = await connection.query<{ got: boolean }>(
          "SELECT pg_try_advisory_lock($1::bigint) AS got",
          [LEASE_KEY],
        );
        if (row?.got && this.connection === connection) this.set(true, "took the lease");
      }
    } catch (error) {
      this.drop(`the database did not answer: ${(error as Error).message}`);
    }
    if (this.stopped) return;
    this.schedule(this.recorder ? this.timing.checkMs : this.timing.retryMs);
  }

  private schedule(ms: number): void {
    this.timer = setTimeout(() => void this.attempt(), ms);
    this.timer.unref();
  }

  private async connect(): Promise<DedicatedConnection> {
    if (this.connection) return this.connection;
    const connection = await this.open();
    if (this.stopped) {
      await connection.close();
      throw new Error("stopped");
    }
    this.connection = connection;
    connection.onLost((reason) => {
      if (this.connection === connection) this.drop(`lost the database connection: ${reason}`);
    });
    return connection;
  }

  /** The lock lives on the connection: whatever went wrong, end it, so no lock can outlive the role. */
  private drop(reason: string): void {
    const connection = this.connection;
    this.connection = null;
    if (this.recorder) this.steppingBack = true;
    this.set(false, reason);
    void connection?.close();
  }

  private set(recorder: boolean, reason: string): void {
    if (this.recorder === recorder) return;
    this.recorder = recorder;
    for (const listener of this.listeners) {
      try {
        listener({ recorder, reason });
      } catch (error) {
        console.error("[wharf] a recorder-role listener failed", error);
      }
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
