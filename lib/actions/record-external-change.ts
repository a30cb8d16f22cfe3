import "server-only";
import type { FleetChange } from "@/lib/fleet/live/change-feed";
import type { ContainerRow } from "@/lib/fleet/types";
import { isWharfTransient } from "@/lib/fleet/wharf-transient";
import { getDatabase } from "@/lib/db/database";
import type { HistoryTables } from "@/lib/history/db/history-table";
import { recordHistory } from "@/lib/history/db/record-history";
import { updateHistory } from "@/lib/history/db/update-history";
import { actionRunningOn, wasCreatedByWharf } from "./container-lock";
import { LifecycleRecorder } from "./record-lifecycle-change";

type Known = { id: string; imageId: string; image: string };

// Names are remembered after their container is gone (compose removes before it re-creates), so under churn of
// uniquely named containers (CI jobs, one-off runs) the map would grow without end. Beyond this many names, the
// one seen longest ago is forgotten: more than the largest fleets hold, and each change refreshes a name.
const KNOWN_LIMIT = 50_000;

/**
 * Notices changes made outside Wharf (a `docker compose up`, a CI script, a colleague) and records them in the
 * deploy history with source and actor `external`: a known name that comes back as another container on
 * another image is a redeploy; the lifecycle commands (stop, start, kill, rm…) are recorded from the engine's
 * events by the LifecycleRecorder.
 */
export class ExternalChangeRecorder {
  private readonly known = new Map<string, Known>();
  private readonly lifecycle = new LifecycleRecorder();
  // Written one after another, in the order the changes were seen.
  private writes: Promise<void> = Promise.resolve();

  constructor(private readonly knownLimit = KNOWN_LIMIT) {}

  /** Resolves once every change seen so far is recorded (or its failure logged). */
  async settled(): Promise<void> {
    await this.writes;
    await this.lifecycle.settled();
  }

  onChange(change: FleetChange): void {
    if (change.kind === "event") this.lifecycle.onEvent(change.host, change.event, change.replayed);
    if (change.kind === "row" && change.next) {
      this.lifecycle.onRow(change.host.id, change.next);
      this.observe(change.host.id, change.next, change.baseline);
    }
  }

  /** `baseline`: the host's first read, which only learns what exists. */
  private observe(hostId: string, row: ContainerRow, baseline: boolean): void {
    const key = `${hostId}/${row.name}`;
    const before = this.known.get(key);
    // Deleted first, so the map's order stays the order names were last seen in.
    this.known.delete(key);
    this.known.set(key, { id: row.id, imageId: row.imageId, image: row.image });
    if (this.known.size > this.knownLimit) this.known.delete(this.known.keys().next().value!);
    if (baseline || !before || before.id === row.id || before.imageId === row.imageId) return;
    // Wharf's own redeploys, rollbacks and their undo steps are recorded by the actions themselves.
    if (
      actionRunningOn(hostId, row.name) ||
      wasCreatedByWharf(row.id) ||
      wasCreatedByWharf(before.id) ||
      isWharfTransient(row.name)
    )
      return;
    const change = {
      // Docker's timestamps carry nanoseconds; history times are compared as ISO text with milliseconds.
      at: new Date(row.createdAt).toISOString(),
      actor: "external",
      source: "external",
      action: "redeploy",
      hostId: hostId,
      containerName: row.name,
      containerIdBefore: before.id,
      imageRefBefore: before.image,
      imageRef: row.image,
      imageIdBefore: before.imageId,
      project: row.compose?.project ?? null,
      service: row.compose?.service ?? null,
      // Known when the image was seen before (its labels are read once per image id), else null.
      provenanceAfter: row.provenance,
    } as const;
    this.writes = this.writes
      .then(async () => {
        const db = await getDatabase<HistoryTables>();
        const entry = await recordHistory(db, change);
        await updateHistory(db, entry.id, {
          containerIdAfter: row.id,
          imageIdAfter: row.imageId,
          outcome: "succeeded",
        });
      })
      .catch((error: unknown) =>
        console.error(
          `[wharf] recording the redeploy of ${row.name} outside Wharf on ${hostId} failed`,
          error,
        ),
      );
  }
}
