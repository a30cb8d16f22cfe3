import type { Incident } from "@/lib/fleet/incident-types";
import type { IncidentPhase } from "./compose-incident-message";

type Entry = { announced: boolean; updated: boolean };

// A crash's log tail is read just after it opens; its first message waits for that read, even when the log
// turns out empty (bounded by the caller, for a read that fails). A service's failed task comes with its log.
const waitsForLog = new Set<string>(["exit", "oom", "restart-loop"]);

/**
 * Decides which incident changes are worth a message: one when it opens (once its log tail is read), at most
 * one update (when it becomes a restart loop), one when it ends. Every other change (each new death of a
 * loop, an acknowledgement) is silent. Pure: the caller owns timers and sending.
 */
export class IncidentQuieter {
  private readonly open = new Map<number, Entry>();

  /** The phases to announce now, in order, for this state of the incident. */
  onIncident(incident: Incident): IncidentPhase[] {
    const entry = this.open.get(incident.id);
    if (!entry) return this.first(incident);
    if (incident.endedAt !== null) {
      this.open.delete(incident.id);
      return entry.announced ? ["ended"] : ["opened", "ended"];
    }
    if (!entry.announced) return incident.logReadAt !== null ? this.announce(incident, entry) : [];
    if (incident.kind === "restart-loop" && !entry.updated) {
      entry.updated = true;
      return ["updated"];
    }
    return [];
  }

  /** The log tail did not come in time: announce with what there is. */
  giveUpWaiting(incident: Incident): IncidentPhase[] {
    const entry = this.open.get(incident.id);
    return entry && !entry.announced ? this.announce(incident, entry) : [];
  }

  /**
   * An incident another process opened and may not have announced: the recorder before this one, killed while
   * it waited for the log tail. It is announced like a fresh one (once its log is in, or at once when it
   * already is); the outbox's key keeps a message the other process did queue from going out twice.
   */
  resume(incident: Incident): IncidentPhase[] {
    if (this.open.has(incident.id) || incident.endedAt !== null) return [];
    const entry = { announced: false, updated: false };
    this.open.set(incident.id, entry);
    return incident.logReadAt !== null || !waitsForLog.has(incident.kind)
      ? this.announce(incident, entry)
      : [];
  }

  isWaiting(id: number): boolean {
    return this.open.get(id)?.announced === false;
  }

  private first(incident: Incident): IncidentPhase[] {
    // Ended before this process saw it open: only channels that were told it opened hear of it.
    if (incident.endedAt !== null) return ["ended"];
    const fresh = incident.count === 1 && incident.logReadAt === null;
    if (!fresh) {
      // Open since before this process started, and announced then (the outbox's keys make sure of it).
      this.open.set(incident.id, { announced: true, updated: incident.kind === "restart-loop" });
      return [];
    }
    const entry = { announced: false, updated: false };
    this.open.set(incident.id, entry);
    return waitsForLog.has(incident.kind) ? [] : this.announce(incident, entry);
  }

  private announce(incident: Incident, entry: Entry): IncidentPhase[] {
    entry.announced = true;
    // Opened as a loop already: the first message says so, and no update follows.
    entry.updated = incident.kind === "restart-loop";
    return ["opened"];
  }
}
