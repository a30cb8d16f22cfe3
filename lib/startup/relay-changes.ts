import "server-only";
import type { ChangeBus } from "@/lib/cluster/change-bus";
import { getDatabase } from "@/lib/db/database";
import type { IncidentTables } from "@/lib/incidents/db/incident-table";
import { getIncident } from "@/lib/incidents/db/get-incident";
import type { FleetStore } from "@/lib/fleet/live/fleet-store";
import type { FleetMessage } from "@/lib/fleet/live/messages";

/**
 * What this replica's pages hear that other replicas' pages must hear too, told through the change bus: an
 * incident opened, acknowledged or ended here, a service that changed. Every replica watches the engines itself,
 * so containers and hosts need no relay. A receiver re-reads the row and publishes it to its own live store;
 * what it publishes from the bus is not sent back.
 */
export function relayChanges(store: FleetStore, bus: ChangeBus): void {
  const fromBus = new WeakSet<FleetMessage>();
  const publish = (message: FleetMessage) => {
    fromBus.add(message);
    store.publish(message);
  };
  store.subscribe(({ message }) => {
    if (fromBus.has(message)) return;
    const sent =
      message.type === "incident"
        ? bus.publish("incident", message.incident.id)
        : message.type === "service"
          ? bus.publish("service", JSON.stringify([message.hostId, message.name]))
          : null;
    sent?.catch((error: unknown) =>
      console.error(`[wharf] telling the other replicas of a ${message.type} change failed`, error),
    );
  });
  bus.subscribe("incident", ({ id }) => {
    if (typeof id !== "number") return;
    void getDatabase<IncidentTables>()
      .then((db) => getIncident(db, id))
      .then((incident) => publish({ type: "incident", incident }))
      .catch((error: unknown) =>
        console.error(`[wharf] reading incident ${id} another replica changed failed`, error),
      );
  });
  bus.subscribe("service", ({ id }) => {
    const [hostId, name] = JSON.parse(String(id)) as [unknown, unknown];
    if (typeof hostId !== "string" || !store.hostIds().includes(hostId)) return;
    publish({ type: "service", hostId, name: typeof name === "string" ? name : null });
  });
}
