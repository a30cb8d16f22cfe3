import "server-only";
import { z } from "zod";
import type { DedicatedConnection } from "@/lib/db/dedicated-connection";

export const CHANGES_CHANNEL = "wharf_changes";
// NOTIFY refuses a payload of 8000 bytes or more; what a change carries stays well below, with the envelope.
export const MAX_DATA_CHARS = 7_000;
// A listener whose connection broke tries again this often; what it missed meanwhile is re-read by the pages
// (their stream resumes from a snapshot when its numbers no longer line up).
const RECONNECT_MS = 1_000;

/**
 * What one replica tells the others: which row changed, and receivers re-read it. `data` only for what lives in
 * no row (an action's progress, held by the replica running it), checked by its receiver.
 */
export const busChangeSchema = z
  .object({
    kind: z.string().min(1).max(40),
    id: z.union([z.string().min(1).max(400), z.number().int()]),
    from: z.string().min(1).max(200),
    data: z.string().max(MAX_DATA_CHARS).optional(),
  })
  .strict();
export type BusChange = z.infer<typeof busChangeSchema>;

type Handler = (change: BusChange) => void | Promise<void>;

export type ChangeBusOptions = {
  replicaId: string;
  /** A connection of the bus's own to LISTEN on; null: one process, where nothing needs to cross. */
  listenOn: (() => Promise<DedicatedConnection>) | null;
  /** Sends one NOTIFY (through the pool: publishing needs no session of its own). */
  notify: (channel: string, payload: string) => Promise<void>;
};

/**
 * Changes made on one replica, told to the others within moments: PostgreSQL's LISTEN/NOTIFY on a connection of
 * its own. A replica never hears its own changes back (it published them to its own pages already).
 */
export class ChangeBus {
  private readonly handlers = new Map<string, Set<Handler>>();
  private connection: DedicatedConnection | null = null;
  private stopped = false;
  private listening: Promise<void> | null = null;

  constructor(private readonly options: ChangeBusOptions) {}

  subscribe(kind: string, handler: Handler): () => void {
    const set = this.handlers.get(kind) ?? new Set();
    this.handlers.set(kind, set);
    set.add(handler);
    return () => set.delete(handler);
  }

  /** Resolves once the first LISTEN is in place (or at once with one process). */
  start(): Promise<void> {
    this.listening ??= this.options.listenOn ? this.listen() : Promise.resolve();
    return this.listening;
  }

  async publish(kind: string, id: string | number, data?: string): Promise<void> {
    if (!this.options.listenOn) return;
    if (data !== undefined && data.length > MAX_DATA_CHARS)
      throw new Error(`a ${kind} change carries ${data.length} characters, more than ${MAX_DATA_CHARS}`);
    const change: BusChange = {
      kind,
      id,
      from: this.options.replicaId,
      ...(data === undefined ? {} : { data }),
    };
    await this.options.notify(CHANGES_CHANNEL, JSON.stringify(change));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.connection?.close();
  }

  private async listen(): Promise<void> {
    const open = this.options.listenOn!;
    for (;;) {
      let connection: DedicatedConnection | null = null;
      try {
        connection = await open();
        await connection.listen(CHANGES_CHANNEL, (payload) => this.receive(payload));
        if (this.stopped) return void (await connection.close());
        this.connection = connection;
        const current = connection;
        connection.onLost(() => {
          if (this.stopped || this.connection !== current) return;
          this.connection = null;
          setTimeout(() => void this.listen(), RECONNECT_MS).unref();
        });
        return;
      } catch (error) {
        await connection?.close();
        if (this.stopped) return;
        console.error(`[wharf] listening for other replicas' changes failed: ${(error as Error).message}`);
        await new Promise((resolve) => setTimeout(resolve, RECONNECT_MS));
      }
    }
  }

  private receive(payload: string): void {
    let change: BusChange;
    try {
      change = busChangeSchema.parse(JSON.parse(payload));
    } catch {
      console.error(`[wharf] ignored a change notice that is not Wharf's: ${payload.slice(0, 200)}`);
      return;
    }
    if (change.from === this.options.replicaId) return;
    for (const handler of this.handlers.get(change.kind) ?? []) {
      Promise.resolve()
        .then(() => handler(change))
        .catch((error: unknown) =>
          console.error(`[wharf] applying another replica's ${change.kind} change failed`, error),
        );
    }
  }
}
