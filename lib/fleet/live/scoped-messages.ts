import "server-only";
import type { Incident } from "@/lib/fleet/incident-types";
import { countStates } from "../count-states";
import { incidentTarget, serviceTarget, targetOfRow, visibleRows, type Visibility } from "../fleet-targets";
import type { FleetStore, Sequenced } from "./fleet-store";
import type { FleetMessage, FleetSnapshot } from "./messages";

/**
 * The fleet's messages as one scoped caller may see them. Each client holds one: it remembers which containers
 * it was shown, so a container leaving its view (or the fleet) is removed from the page, while the removal of one
 * it never saw is not sent (that would tell it the container existed).
 */
export class ScopedMessages {
  private shown = new Set<string>();

  constructor(
    private readonly store: FleetStore,
    private readonly view: Visibility,
  ) {}

  snapshot(incidents: Incident[]): FleetSnapshot {
    const hostIds = this.store.hostIds().filter(this.view.reaches);
    const containers = hostIds.flatMap((id) => visibleRows(this.store.rows(id), this.view));
    for (const row of containers) this.shown.add(key(row.hostId, row.id));
    return {
      hosts: hostIds.map((id) => this.host(id)),
      containers,
      incidents: incidents.filter((incident) => this.view.sees(incidentTarget(incident))),
    };
  }

  /** The message as this caller may see it, or null when it must not reach it at all. */
  filter(message: FleetMessage): FleetMessage | null {
    const { view } = this;
    switch (message.type) {
      case "container": {
        const id = key(message.hostId, message.id);
        if (message.row && view.sees(targetOfRow(message.row))) {
          this.shown.add(id);
          return message;
        }
        if (!this.shown.delete(id)) return null;
        return { ...message, row: null };
      }
      case "host":
        return view.reaches(message.host.id) ? { type: "host", host: this.host(message.host.id) } : null;
      case "incident":
        return view.sees(incidentTarget(message.incident)) ? message : null;
      case "action": {
        const { hostId, containerName } = message.progress;
        const row = this.store.hostIds().includes(hostId)
          ? this.store.findRowByName(hostId, containerName)
          : undefined;
        return view.sees(row ? targetOfRow(row) : { hostId, name: containerName }) ? message : null;
      }
      case "service":
        if (!view.reaches(message.hostId)) return null;
        return message.name === null || view.sees(serviceTarget(message.hostId, message.name))
          ? message
          : null;
    }
  }

  private host(hostId: string) {
    const summary = this.store.summary(hostId);
    if (summary.status !== "up") return summary;
    return { ...summary, counts: countStates(visibleRows(this.store.rows(hostId), this.view)) };
  }
}

const key = (hostId: string, id: string) => `${hostId}/${id}`;

const encoder = new TextEncoder();

/** One message in the event-stream format, with the id a reconnecting client resumes from. */
export function scopedWire(event: Sequenced, message: FleetMessage, bootId: string): Uint8Array {
  return encoder.encode(
    `id: ${bootId}:${event.seq}\nevent: ${message.type}\ndata: ${JSON.stringify(message)}\n\n`,
  );
}
