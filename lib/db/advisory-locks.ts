import "server-only";
import pg from "pg";
import { describeConnectError } from "./describe-connect-error";

// The two-key form keeps these apart from the one-key locks (migrations, the recorder's lease): PostgreSQL
// files them under different lock tags. ("wl", Wharf's locks.)
const NAMESPACE = 0x776c;
// Actions across every replica hold at most this many connections at once; more wait their turn for one.
const MAX_HELD = 20;

/** Releases a lock taken by tryAdvisoryLock. */
export type Unlock = () => Promise<void>;

/**
 * Session-level advisory locks on hashed keys, each held on a connection of its own for as long as its holder
 * needs it: a replica that dies mid-action loses its connection, and PostgreSQL frees the lock with it.
 */
export class AdvisoryLocks {
  private readonly pool: pg.Pool;
  private readonly held = new Set<pg.PoolClient>();

  constructor(url: string, host: string) {
    this.pool = new pg.Pool({ connectionString: url, max: MAX_HELD, connectionTimeoutMillis: 10_000 });
    this.pool.on("error", (error) =>
      console.error(`[wharf] PostgreSQL at ${host} (locks): ${describeConnectError(error)}`),
    );
  }

  /** The lock on `key`, or null when another session holds it. Never waits for a holder. */
  async tryLock(key: string): Promise<Unlock | null> {
    const client = await this.pool.connect();
    let got: boolean;
    try {
      const { rows } = await client.query<{ got: boolean }>(
        "SELECT pg_try_advisory_lock($1, hashtext($2)) AS got",
        [NAMESPACE, key],
      );
      got = rows[0]?.got === true;
    } catch (error) {
      client.release(true);
      throw error;
    }
    if (!got) {
      client.release();
      return null;
    }
    this.held.add(client);
    let released = false;
    return async () => {
      if (released) return;
      released = true;
      this.held.delete(client);
      try {
        await client.query("SELECT pg_advisory_unlock($1, hashtext($2))", [NAMESPACE, key]);
        client.release();
      } catch {
        // Not sure the lock is gone: ending the session is what frees it for certain.
        client.release(true);
      }
    };
  }

  /** Ends every connection, the ones holding locks too (which frees those locks, as a process's death would). */
  async close(): Promise<void> {
    for (const client of this.held) client.release(true);
    this.held.clear();
    await this.pool.end();
  }
}
