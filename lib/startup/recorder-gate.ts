import "server-only";
import type { FleetChange } from "@/lib/fleet/live/change-feed";

type Role = { isRecorder(): boolean; onChange(listener: (recorder: boolean) => void): unknown };
type Handler = (change: FleetChange) => void;

// Keys of the events already told to the recorders, so a catch-up and the live feed never tell one twice.
const TOLD_LIMIT = 20_000;

/**
 * What only the recorder does with the change feed: while this server is a follower the recorders hear nothing;
 * when it becomes the recorder they first hear what the engines did since the last recorded cursor (`catchUp`),
 * then the live changes that arrived meanwhile, each event once. With one server it is always the recorder.
 */
export class RecorderGate {
  private state: "following" | "catching-up" | "recording";
  private readonly handlers: { name: string; handle: Handler }[] = [];
  private readonly waiting: FleetChange[] = [];
  private readonly told = new Set<string>();
  private readonly promoted: (() => void)[] = [];
  private promotion = 0;

  constructor(
    role: Role,
    private readonly catchUp: () => Promise<FleetChange[]>,
  ) {
    this.state = role.isRecorder() ? "recording" : "following";
    role.onChange((recorder) => (recorder ? void this.promote() : this.demote()));
  }

  /** Adds a recorder; it hears changes only while this server records. */
  add(name: string, handle: Handler): void {
    this.handlers.push({ name, handle });
  }

  /** The change feed's subscriber. */
  onChange(change: FleetChange): void {
    if (this.state === "recording") this.tell(change);
    else if (this.state === "catching-up") this.waiting.push(change);
  }

  /** Told each time this server has become the recorder and caught up (not at the start of a lone server). */
  onPromoted(listener: () => void): void {
    this.promoted.push(listener);
  }

  recording(): boolean {
    return this.state === "recording";
  }

  private async promote(): Promise<void> {
    const promotion = ++this.promotion;
    this.state = "catching-up";
    let missed: FleetChange[] = [];
    try {
      missed = await this.catchUp();
    } catch (error) {
      console.error("[wharf] catching up on what happened before this replica recorded failed", error);
    }
    // Demoted (and perhaps promoted again) meanwhile: that promotion's catch-up is the one that counts.
    if (promotion !== this.promotion || this.state !== "catching-up") return;
    for (const change of missed) this.tell(change);
    for (const change of this.waiting.splice(0)) this.tell(change);
    this.state = "recording";
    for (const listener of this.promoted) {
      try {
        listener();
      } catch (error) {
        console.error("[wharf] a new recorder's first task failed", error);
      }
    }
  }

  private demote(): void {
    this.promotion++;
    this.state = "following";
    this.waiting.length = 0;
  }

  private tell(change: FleetChange): void {
    if (change.kind === "event") {
      const { event, host } = change;
      const key = `${host.id}/${event.timeNano}/${event.Actor?.ID ?? event.id}/${event.Action}`;
      if (this.told.has(key)) return;
      if (this.told.size >= TOLD_LIMIT) this.told.clear();
      this.told.add(key);
    }
    for (const { name, handle } of this.handlers) {
      try {
        handle(change);
      } catch (error) {
        console.error(`[wharf] ${name} failed on a ${change.kind} change of host ${change.host.id}`, error);
      }
    }
  }
}
