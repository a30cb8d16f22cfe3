import "server-only";
import type { Kysely } from "kysely";
import { getDatabase } from "@/lib/db/database";
import { afterStop, classifyDie, freshRun, rememberEvent, type RunMemory } from "../classify-exit";
import type { ExitCause, LastExit } from "../types";
import type { FleetTables } from "./db/exit-table";
import { forgetContainerExit } from "./db/forget-container-exit";
import { readContainerExits } from "./db/read-container-exits";
import { saveContainerExit } from "./db/save-container-exit";
import { holdCursor } from "./recording-barrier";

// An `oom` event can reach the daemon just after the `die` it caused; within this much it re-labels that death.
const OOM_AFTER_DIE_MS = 2_000;

/**
 * What one host's events said about how each container's runs ended: the signals sent, OOM kills, and the last
 * death with its cause. The engine forgets why a container stopped (a `docker kill` and a crash both read
 * "exited (137)"), so this memory is what lets the fleet tell them apart. The last death of each container is
 * kept in SQLite too: a later Wharf's catch-up re-reads only the events after where this one got to, so without
 * it a kill seen now would read as a crash after the next restart.
 */
export class ExitMemory {
  private readonly runs = new Map<string, RunMemory>();
  private readonly exits = new Map<string, LastExit>();
  // Writes go out in the order the events came, one at a time: a save and a forget of one container must not
  // cross on a pool's two connections.
  private writes: Promise<void> = Promise.resolve();

  constructor(private readonly hostId: string) {}

  /** What earlier runs of Wharf saw, before this one's catch-up and first read. */
  async load(): Promise<void> {
    const db = await getDatabase<FleetTables>();
    for (const [id, exit] of await readContainerExits(db, this.hostId))
      if (!this.exits.has(id)) this.exits.set(id, exit);
  }

  /** After a full read: forgets the containers removed while no Wharf saw their `destroy`. */
  keepOnly(ids: ReadonlySet<string>): void {
    for (const id of [...this.exits.keys()]) if (!ids.has(id)) this.forget(id);
  }

  /** Folds one container event (at `at` ms) in; returns the cause when the event is a death. */
  onEvent(id: string, action: string, attributes: Record<string, string>, at: number): ExitCause | undefined {
    let cause: ExitCause | undefined;
    const last = this.exits.get(id);
    if (action === "die") {
      const code = Number(attributes.exitCode ?? 0);
      cause = classifyDie(this.runs.get(id) ?? freshRun(), code, at);
      this.remember(id, { code, oom: cause === "oom", cause, at: new Date(at).toISOString() });
    } else if (action === "stop" && last) {
      this.remember(id, { ...last, cause: afterStop(last.cause ?? undefined) ?? null });
    } else if (action === "oom" && last && at - Date.parse(last.at) <= OOM_AFTER_DIE_MS) {
      this.remember(id, { ...last, oom: true, cause: "oom" });
    } else if (action === "destroy") {
      this.forget(id);
      return undefined;
    }
    this.recall(id, action, attributes, at);
    return cause;
  }

  /**
   * Folds in an event the Wharf before this one applied already: it remembered how that run ended, but a death
   * after it (the `die` of a stop that waited out its timeout) still needs to know the signals it sent.
   */
  recall(id: string, action: string, attributes: Record<string, string>, at: number): void {
    this.runs.set(id, rememberEvent(this.runs.get(id) ?? freshRun(), action, attributes, at));
  }

  lastExit(id: string): LastExit | null {
    return this.exits.get(id) ?? null;
  }

  private remember(id: string, exit: LastExit): void {
    const last = this.exits.get(id);
    this.exits.set(id, exit);
    if (last && last.at === exit.at && last.cause === exit.cause && last.oom === exit.oom) return;
    this.write(
      (db) => saveContainerExit(db, this.hostId, id, exit),
      `remembering how ${id} on ${this.hostId} ended`,
    );
  }

  private forget(id: string): void {
    this.runs.delete(id);
    if (!this.exits.delete(id)) return;
    this.write(
      (db) => forgetContainerExit(db, this.hostId, id),
      `forgetting how ${id} on ${this.hostId} ended`,
    );
  }

  private write(run: (db: Kysely<FleetTables>) => Promise<void>, what: string): void {
    this.writes = this.writes
      .then(async () => run(await getDatabase<FleetTables>()))
      .catch((error: unknown) => console.error(`[wharf] ${what} failed`, error));
    // A cursor saved past this death while its memory is still unwritten would leave a Wharf killed in between
    // with neither: the next start would not replay the kill, and would call the exit 137 a crash.
    holdCursor(this.writes);
  }
}

// The engine's FinishedAt is set just before it sends the `die`; a remembered death older than this is another run's.
const SAME_RUN_MS = 2_000;

/**
 * What the events said about the last death, unless the engine reports a later one: then that run's `die` was
 * never received (dropped in a storm), and its cause is unknown rather than the previous run's.
 */
export function latestExit(remembered: LastExit | null, read: LastExit | null): LastExit | null {
  if (!remembered || !read) return remembered ?? read;
  return Date.parse(read.at) - Date.parse(remembered.at) > SAME_RUN_MS ? read : remembered;
}
