import "server-only";
import type { ChangeBus } from "@/lib/cluster/change-bus";
import { getDatabase } from "@/lib/db/database";
import type { IncidentTables } from "@/lib/incidents/db/incident-table";
import { getIncident } from "@/lib/incidents/db/get-incident";
import type { FleetStore } from "@/lib/fleet/live/fleet-store";
import type { ActionProgress, FleetMessage } from "@/lib/fleet/live/messages";
import { MAX_DATA_CHARS } from "@/lib/cluster/change-bus";
import { actionProgressSchema } from "./action-progress-schema";

/**
 * What this replica's pages hear that other replicas' pages must hear too, told through the change bus: an
 * incident opened, acknowledged or ended here, a service that changed, an action's progress (its checklist while
 * it runs here). Every replica watches the engines itself, so containers and hosts need no relay. A receiver
 * re-reads the row and publishes it to its own live store (an action's progress is in no row: it travels with
 * the notice); what it publishes from the bus is not sent back.
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
          : message.type === "action"
            ? bus.publish("action", message.progress.historyId, progressData(message.progress))
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
  bus.subscribe("action", ({ data }) => {
    const progress = actionProgressSchema.safeParse(parseJson(data));
    if (!progress.success) {
      console.error(
        `[wharf] ignored another replica's action progress: ${progress.error.issues[0]?.message}`,
      );
      return;
    }
    if (store.hostIds().includes(progress.data.hostId)) publish({ type: "action", progress: progress.data });
  });
  bus.subscribe("service", ({ id }) => {
    const [hostId, name] = JSON.parse(String(id)) as [unknown, unknown];
    if (typeof hostId !== "string" || !store.hostIds().includes(hostId)) return;
    publish({ type: "service", hostId, name: typeof name === "string" ? name : null });
  });
}

/** An engine's error message can be long: it is cut rather than the progress dropped. */
function progressData(progress: ActionProgress): string {
  const whole = JSON.stringify(progress);
  if (whole.length <= MAX_DATA_CHARS) return whole;
  return JSON.stringify({ ...progress, message: progress.message?.slice(0, 500) });
}

function parseJson(data: string | undefined): unknown {
  try {
    return data === undefined ? undefined : JSON.parse(data);
  } catch {
    return undefined;
  }
}
