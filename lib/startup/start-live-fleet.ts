import "server-only";
import { changeBus, isRecorder, onRecorderChange } from "@/lib/cluster/cluster";
import { loadFleet } from "@/lib/docker/load-fleet";
import { catchUpRecorded } from "./catch-up-recorded";
import { RecorderGate } from "./recorder-gate";
import { relayChanges } from "./relay-changes";
import { resumeUnannounced } from "./resume-unannounced";
import { ExternalChangeRecorder } from "@/lib/actions/record-external-change";
import { getAutohealer } from "@/lib/autoheal/get-autohealer";
import { onAutoheal } from "@/lib/autoheal/on-autoheal";
import { notify } from "@/lib/alerts/notify";
import { sayWhenNoEngine } from "./say-when-no-engine";
import { toAutohealNotice } from "./to-autoheal-notice";
import { AlertDispatcher } from "@/lib/alerts/alert-dispatcher";
import { startAlertDelivery } from "@/lib/alerts/delivery-loop";
import { getLiveFleet } from "@/lib/fleet/live/get-live-fleet";
import { IncidentTracker } from "@/lib/incidents/incident-tracker";
import { getMetricsRecorder } from "@/lib/metrics/metrics-recorder";
import type { FleetChange } from "@/lib/fleet/live/change-feed";
import { SwarmWatcher } from "@/lib/services/swarm-watcher";

// Incidents that recover (running 10 s) have no event to mark the moment; a slow sweep ends them.
const SWEEP_EVERY_MS = 2_000;
const KEY = Symbol.for("wharf.live-wiring");

/**
 * The one place where what reacts to the fleet is wired to it: the host watchers only keep the live store and
 * tell the change feed; incidents, the history of changes made outside Wharf and auto-heal subscribe here
 * (auto-heal after incidents, so a try's note finds the incident the same change opened), and alerts follow
 * what the store publishes (incidents as recorded, hosts, actions) and what auto-heal does; /metrics counts
 * actions and event lag from the same. Every replica watches for its own pages; only the recorder records
 * (the gate: incidents, outside changes, auto-heal, service incidents, alerts and their delivery), and what one
 * replica's pages hear reaches the others' through the change bus. Called once at server start
 * (instrumentation.ts), after the cluster's start and before the watchers' first report.
 */
export function startLiveFleet(): void {
  const holder = globalThis as { [KEY]?: true };
  if (holder[KEY]) return;
  holder[KEY] = true;
  const { store, feed } = getLiveFleet();
  const gate = new RecorderGate({ isRecorder, onChange: onRecorderChange }, () =>
    catchUpRecorded(loadFleet()),
  );
  feed.subscribe("recorder", (change) => gate.onChange(change));
  const records = () => gate.recording();
  const tracker = new IncidentTracker(store);
  const external = new ExternalChangeRecorder();
  // A swarm task's container belongs to its service: the swarm replaces it, the service's incidents and
  // history tell of it, and auto-heal must not restart what the orchestrator is already replacing.
  gate.add("incidents", (change) => !isSwarmTask(change) && tracker.onChange(change));
  gate.add("external changes", (change) => !isSwarmTask(change) && external.onChange(change));
  const autohealer = getAutohealer();
  gate.add("auto-heal", (change) => !isSwarmTask(change) && autohealer.onChange(change));
  autohealer
    .ready()
    .catch((error: unknown) => console.error("[wharf] reading the auto-heal policies failed", error));
  const swarm = new SwarmWatcher(records);
  feed.subscribe("swarm services", (change) => swarm.onChange(change));
  swarm.start();
  const alerts = new AlertDispatcher(store);
  store.subscribe(({ message }) => records() && alerts.onMessage(message));
  // What the last recorder (another replica, or this server before a kill -9) opened but did not announce.
  const resume = () =>
    resumeUnannounced(loadFleet(), tracker, alerts).catch((error: unknown) =>
      console.error("[wharf] resuming the last recorder's unannounced incidents failed", error),
    );
  gate.onPromoted(() => void resume());
  if (records()) void resume();
  startAlertDelivery(records);
  relayChanges(store, changeBus());
  const metrics = getMetricsRecorder();
  feed.subscribe("metrics", (change) => metrics.onChange(change));
  store.subscribe(({ message }) => metrics.onMessage(message));
  onAutoheal((event) => {
    notify(toAutohealNotice(event)).catch((error: unknown) =>
      console.error("[wharf] alerting failed", error),
    );
  });
  void sayWhenNoEngine(store);
  setInterval(() => {
    if (!records()) return;
    tracker.sweep().catch((error: unknown) => console.error("[wharf] incident sweep failed", error));
  }, SWEEP_EVERY_MS).unref();
}

const TASK_LABEL = "com.docker.swarm.task.id";

function isSwarmTask(change: FleetChange): boolean {
  if (change.kind === "event") return !!change.event.Actor.Attributes[TASK_LABEL];
  return !!(change.next ?? change.previous)?.labels[TASK_LABEL];
}
