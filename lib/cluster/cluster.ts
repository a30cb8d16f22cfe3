import "server-only";
import { sql } from "kysely";
import { WharfError } from "@/lib/core/errors";
import { setReplicaLocks } from "@/lib/core/replica-locks";
import { AdvisoryLocks } from "@/lib/db/advisory-locks";
import { getDatabase } from "@/lib/db/database";
import { databaseConfig } from "@/lib/db/database-config";
import { openDedicatedConnection } from "@/lib/db/dedicated-connection";
import { ChangeBus } from "./change-bus";
import { RecorderLease, type LeaseState } from "./recorder-lease";
import { replicaIdentity, type ReplicaIdentity } from "./replica-identity";

type Cluster = {
  replica: ReplicaIdentity;
  /** null: the embedded SQLite database, one server, always the recorder. */
  lease: RecorderLease | null;
  bus: ChangeBus;
};

// Next can evaluate this module once per bundle; the lease and the bus must exist once per process.
const KEY = Symbol.for("wharf.cluster");
type Holder = { [KEY]?: Cluster };

/**
 * This server's place among the replicas, set up at server start (instrumentation.ts). With PostgreSQL: the
 * recorder's lease, the change bus and the action locks across replicas; with SQLite, one process does it all.
 */
export function startCluster(): Cluster {
  const holder = globalThis as Holder;
  if (holder[KEY]) return holder[KEY];
  const config = databaseConfig();
  const replica = replicaIdentity();
  if (config.dialect === "sqlite") {
    const bus = new ChangeBus({ replicaId: replica.id, listenOn: null, notify: async () => {} });
    return (holder[KEY] = { replica, lease: null, bus });
  }
  const open = () => openDedicatedConnection(config.url, config.host);
  const lease = new RecorderLease(open);
  const bus = new ChangeBus({
    replicaId: replica.id,
    listenOn: open,
    notify: async (channel, payload) =>
      void (await sql`SELECT pg_notify(${channel}, ${payload})`.execute(await getDatabase())),
  });
  const locks = new AdvisoryLocks(config.url, config.host);
  setReplicaLocks({
    tryLock: (key) =>
      locks.tryLock(key).catch((error: unknown) => {
        // Acting without the lock could double an action another replica is taking: refuse instead.
        throw new WharfError(
          "UNAVAILABLE",
          `The database did not answer, so the action could not be locked across replicas: ${(error as Error).message}`,
        );
      }),
  });
  lease.onChange(({ recorder, reason }: LeaseState) =>
    console.log(`[wharf] replica ${replica.name} is ${recorder ? "the recorder" : "a follower"} (${reason})`),
  );
  lease.start();
  void bus.start();
  return (holder[KEY] = { replica, lease, bus });
}

function cluster(): Cluster {
  return startCluster();
}

/**
 * Whether this server records what it observes (incidents, outside changes, alerts, auto-heal). Asking never
 * starts the lease: before server start set it up, only a single-server (SQLite) Wharf is the recorder.
 */
export function isRecorder(): boolean {
  const current = (globalThis as Holder)[KEY];
  if (!current) return databaseConfig().dialect === "sqlite";
  return current.lease === null || current.lease.isRecorder();
}

/** Told when this server becomes the recorder or stops being it (never, with SQLite). */
export function onRecorderChange(listener: (recorder: boolean) => void): () => void {
  const { lease } = cluster();
  return lease ? lease.onChange(({ recorder }) => listener(recorder)) : () => {};
}

export function replica(): ReplicaIdentity & { role: "recorder" | "follower"; shared: boolean } {
  const { replica: identity, lease } = cluster();
  return { ...identity, role: isRecorder() ? "recorder" : "follower", shared: lease !== null };
}

/** Gives up the lease, if held (a replica whose database stopped answering). */
export function giveUpLease(reason: string): void {
  cluster().lease?.giveUp(reason);
}

export function changeBus(): ChangeBus {
  return cluster().bus;
}

/** Gives the lease up and stops listening (a server shutting down, or one that lost its database). */
export async function stopCluster(): Promise<void> {
  const holder = globalThis as Holder;
  const current = holder[KEY];
  if (!current) return;
  await Promise.all([current.lease?.stop(), current.bus.stop()]);
}
