/**
 * Where the per-object action locks reach the other Wharf replicas. Nothing is registered with one server (the
 * embedded SQLite database: the process's own table is the whole truth); with PostgreSQL, server start registers
 * advisory locks (lib/cluster), so a second replica's action on the same object is refused too.
 */
export type ReplicaLocks = {
  /** The lock on `key` across replicas, or null when another replica holds it; never waits for the holder. */
  tryLock(key: string): Promise<(() => Promise<void>) | null>;
};

const KEY = Symbol.for("wharf.replica-locks");
type Holder = { [KEY]?: ReplicaLocks | null };

export function setReplicaLocks(locks: ReplicaLocks | null): void {
  (globalThis as Holder)[KEY] = locks;
}

export function replicaLocks(): ReplicaLocks | null {
  return (globalThis as Holder)[KEY] ?? null;
}
