import "server-only";
import type { Host } from "@/lib/docker/host-config";
import type { EngineInfo } from "@/lib/docker/types";
import { countStates, emptyCounts } from "../count-states";
import type { ContainerRow, HostAvailability, HostSummary } from "../types";
import type { FleetMessage } from "./messages";

type HostEntry = {
  host: Host;
  status: "up" | "down";
  info: EngineInfo | null;
  error: string | null;
  rows: Map<string, ContainerRow>;
  /** Container name → id: incidents and alerts look rows up by name, a thousand at a time in a storm. */
  names: Map<string, string>;
  /** Settles after the first attempt to read the host, whatever its outcome. */
  firstSync: Promise<void>;
  markSynced: () => void;
};

/** `wire`: the message as sent, serialised and encoded once and shared by every client instead of once per client. */
export type Sequenced = { seq: number; message: FleetMessage; wire?: Uint8Array };
type Listener = (event: Sequenced) => void;

// Enough history for a client that lost its connection for a few seconds under heavy churn to resume.
const REPLAY_LIMIT = 10_000;
const TRIM_BATCH = 1_000;

/**
 * The fleet as Wharf currently knows it, fed by the host watchers. API reads answer from here with no engine
 * round-trip; every change is numbered and fanned out to live clients, who can resume from a number.
 */
export class FleetStore {
  private readonly entries = new Map<string, HostEntry>();
  private readonly listeners = new Set<Listener>();
  private readonly recent: Sequenced[] = [];
  private seq = 0;
  private readonly synced = new Set<string>();

  constructor(hosts: Host[]) {
    for (const host of hosts) {
      let resolveSync = () => {};
      const firstSync = new Promise<void>((resolve) => (resolveSync = resolve));
      const markSynced = () => {
        this.synced.add(host.id);
        resolveSync();
      };
      this.entries.set(host.id, {
        host,
        status: "down",
        info: null,
        error: "connecting",
        rows: new Map(),
        names: new Map(),
        firstSync,
        markSynced,
      });
    }
  }

  hostIds(): string[] {
    return [...this.entries.keys()];
  }

  /** Waits (bounded by each host's timeout) until every host has been read once, so a fresh server never answers empty. */
  async ready(hostIds = this.hostIds()): Promise<void> {
    await Promise.all(
      hostIds.map((id) => {
        const entry = this.entry(id);
        return Promise.race([
          entry.firstSync,
          new Promise((resolve) => setTimeout(resolve, entry.host.timeoutMs)),
        ]);
      }),
    );
  }

  summary(hostId: string): HostSummary {
    const entry = this.entry(hostId);
    const up = entry.status === "up";
    const rows = [...entry.rows.values()];
    return {
      id: entry.host.id,
      name: entry.host.name,
      url: entry.host.displayUrl,
      status: entry.status,
      engineVersion: up ? (entry.info?.engineVersion ?? null) : null,
      apiVersion: up ? (entry.info?.apiVersion ?? null) : null,
      latencyMs: up ? (entry.info?.latencyMs ?? null) : null,
      error: up ? null : entry.error,
      counts: up ? countStates(rows) : emptyCounts(),
    };
  }

  /** Status and error alone, without counting the host's containers as summary() does. */
  availability(hostId: string): HostAvailability {
    const entry = this.entry(hostId);
    return { id: hostId, status: entry.status, error: entry.status === "up" ? null : entry.error };
  }

  rows(hostId: string): ContainerRow[] {
    return [...this.entry(hostId).rows.values()];
  }

  row(hostId: string, id: string): ContainerRow | undefined {
    return this.entry(hostId).rows.get(id);
  }

  findRowByName(hostId: string, name: string): ContainerRow | undefined {
    const entry = this.entry(hostId);
    const id = entry.names.get(name);
    const row = id === undefined ? undefined : entry.rows.get(id);
    if (row?.name === name) return row;
    // Inspects answering out of order around a rename can leave the index behind: the scan stays the truth.
    for (const candidate of entry.rows.values()) {
      if (candidate.name !== name) continue;
      entry.names.set(name, candidate.id);
      return candidate;
    }
    return undefined;
  }

  status(hostId: string): "up" | "down" {
    return this.entry(hostId).status;
  }

  setUp(hostId: string, info: EngineInfo): void {
    const entry = this.entry(hostId);
    const changed = entry.status !== "up";
    entry.status = "up";
    entry.info = info;
    entry.error = null;
    if (changed) this.publish({ type: "host", host: this.summary(hostId) });
  }

  /** Latency refreshes are not news: clients would re-render every host card every ping. */
  setInfo(hostId: string, info: EngineInfo): void {
    this.entry(hostId).info = info;
  }

  setDown(hostId: string, error: string): void {
    const entry = this.entry(hostId);
    const changed = entry.status !== "down" || entry.error !== error;
    entry.status = "down";
    entry.error = error;
    entry.markSynced();
    if (changed) this.publish({ type: "host", host: this.summary(hostId) });
  }

  markSynced(hostId: string): void {
    this.entry(hostId).markSynced();
  }

  /** Replaces a host's containers with a fresh full read, publishing only what differs. */
  replaceRows(hostId: string, rows: ContainerRow[]): void {
    const entry = this.entry(hostId);
    const fresh = new Map(rows.map((row) => [row.id, row]));
    for (const id of entry.rows.keys()) if (!fresh.has(id)) this.removeRow(hostId, id);
    for (const row of rows) this.putRow(row);
  }

  putRow(row: ContainerRow): boolean {
    const entry = this.entry(row.hostId);
    const previous = entry.rows.get(row.id);
    if (previous && JSON.stringify(previous) === JSON.stringify(row)) return false;
    entry.rows.set(row.id, row);
    // A rename frees the old name, unless another container took it meanwhile (a redeploy's new one).
    if (previous && previous.name !== row.name && entry.names.get(previous.name) === row.id)
      entry.names.delete(previous.name);
    entry.names.set(row.name, row.id);
    this.publish({ type: "container", hostId: row.hostId, id: row.id, row });
    return true;
  }

  removeRow(hostId: string, id: string): void {
    const entry = this.entry(hostId);
    const row = entry.rows.get(id);
    if (!row) return;
    entry.rows.delete(id);
    if (entry.names.get(row.name) === id) entry.names.delete(row.name);
    this.publish({ type: "container", hostId, id, row: null });
  }

  publish(message: FleetMessage): void {
    const event = { seq: ++this.seq, message };
    this.recent.push(event);
    // Trimmed in batches: shifting the whole history on every message made a host's first read of thousands of
    // rows quadratic.
    if (this.recent.length > REPLAY_LIMIT + TRIM_BATCH)
      this.recent.splice(0, this.recent.length - REPLAY_LIMIT);
    for (const listener of this.listeners) listener(event);
  }

  currentSeq(): number {
    return this.seq;
  }

  /** Messages after `seq`, or null when they are no longer all held (the client then needs a snapshot). */
  since(seq: number): Sequenced[] | null {
    if (seq > this.seq) return null;
    if (seq === this.seq) return [];
    const first = this.recent[0];
    if (!first || first.seq > seq + 1) return null;
    return this.recent.slice(seq + 1 - first.seq);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  listenerCount(): number {
    return this.listeners.size;
  }

  private entry(hostId: string): HostEntry {
    const entry = this.entries.get(hostId);
    if (!entry) throw new Error(`unknown host ${hostId}`);
    return entry;
  }
}
