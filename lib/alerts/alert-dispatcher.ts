import "server-only";
import type { Incident } from "@/lib/fleet/incident-types";
import type { ActionProgress, FleetMessage } from "@/lib/fleet/live/messages";
import type { FleetStore } from "@/lib/fleet/live/fleet-store";
import type { ContainerRow, HostSummary } from "@/lib/fleet/types";
import { alertConfig } from "./alert-config";
import { composeIncidentMessage, type IncidentPhase } from "./compose-incident-message";
import { composeDeployMessage, composeHostMessage } from "./compose-other-messages";
import { enqueueForChannels, type Alert } from "./enqueue-for-channels";
import { IncidentQuieter } from "./incident-quieter";
import { scopeOf } from "./scope-of";

// How long an incident's first message waits for its log tail (read from the engine just after the death).
const LOG_WAIT_MS = 1_500;
const deployActions = new Set(["redeploy", "rollback"]);

/**
 * Turns what the live store publishes into alerts: incidents (quietly: see IncidentQuieter), hosts going down
 * and coming back, redeploys and rollbacks that ended. Subscribed in lib/startup/start-live-fleet.ts.
 */
export class AlertDispatcher {
  private readonly quieter = new IncidentQuieter();
  private readonly latest = new Map<number, Incident>();
  // The container as it was when its incident opened: after `docker rm -f` the store no longer has it.
  private readonly rows = new Map<number, ContainerRow>();
  private readonly hosts = new Map<string, "up" | "down">();

  constructor(private readonly store: FleetStore) {}

  onMessage(message: FleetMessage): void {
    try {
      if (message.type === "incident") this.onIncident(message.incident);
      else if (message.type === "host") this.onHost(message.host);
      else if (message.type === "action") this.onAction(message.progress);
    } catch (error) {
      console.error("[wharf] alerting failed", error);
    }
  }

  private onIncident(incident: Incident): void {
    const row = this.store.findRowByName(incident.hostId, incident.containerName);
    if (row) this.rows.set(incident.id, row);
    this.decide(incident, () => this.quieter.onIncident(incident));
    if (incident.endedAt !== null) {
      this.latest.delete(incident.id);
      this.rows.delete(incident.id);
    }
  }

  /** An open incident the last recorder opened, perhaps unannounced (IncidentQuieter.resume): for a new recorder. */
  resume(incident: Incident): void {
    const row = this.store.findRowByName(incident.hostId, incident.containerName);
    if (row) this.rows.set(incident.id, row);
    this.decide(incident, () => this.quieter.resume(incident));
  }

  private decide(incident: Incident, phases: () => IncidentPhase[]): void {
    const wasWaiting = this.quieter.isWaiting(incident.id);
    this.latest.set(incident.id, incident);
    this.announce(incident, phases());
    if (!wasWaiting && this.quieter.isWaiting(incident.id)) {
      setTimeout(() => {
        const current = this.latest.get(incident.id);
        if (current) this.announce(current, this.quieter.giveUpWaiting(current));
      }, LOG_WAIT_MS).unref();
    }
  }

  private announce(incident: Incident, phases: IncidentPhase[]): void {
    const { publicUrl } = alertConfig();
    const row = this.rows.get(incident.id);
    const opened = `incident:${incident.id}:opened`;
    for (const phase of phases) {
      const message = composeIncidentMessage({
        phase,
        incident,
        row,
        hostName: this.hostName(incident.hostId),
        baseUrl: publicUrl,
        at: new Date().toISOString(),
      });
      this.enqueue({
        ruleEvent: phase === "ended" ? "incident.ended" : "incident.opened",
        message,
        scope: scopeOf(incident.hostId, incident.containerName, row),
        dedupeKey: `incident:${incident.id}:${phase}`,
        ...(phase === "opened" ? {} : { followsKey: opened }),
      });
    }
  }

  /** Down: on a change from up, or on the first report after start. Up: only after a down this process saw. */
  private onHost(host: HostSummary): void {
    const previous = this.hosts.get(host.id);
    this.hosts.set(host.id, host.status);
    const news = host.status === "down" ? previous !== "down" : previous === "down";
    if (!news) return;
    const message = composeHostMessage(host, alertConfig().publicUrl, new Date().toISOString());
    this.enqueue({
      ruleEvent: host.status === "down" ? "host.down" : "host.up",
      message,
      scope: scopeOf(host.id, null, undefined),
      dedupeKey: null,
    });
  }

  private onAction(progress: ActionProgress): void {
    if (!progress.done || !deployActions.has(progress.action)) return;
    if (progress.outcome === undefined || progress.outcome === "no-change") return;
    const row = this.store.findRowByName(progress.hostId, progress.containerName);
    const message = composeDeployMessage(
      progress,
      row,
      this.hostName(progress.hostId),
      alertConfig().publicUrl,
      new Date().toISOString(),
    );
    this.enqueue({
      ruleEvent: progress.outcome === "succeeded" ? "deploy.succeeded" : "deploy.failed",
      message,
      scope: scopeOf(progress.hostId, progress.containerName, row),
      dedupeKey: `deploy:${progress.historyId}`,
    });
  }

  /** Queued in the order decided (enqueueForChannels keeps it); a failure is logged, like a failed decision. */
  private enqueue(alert: Alert): void {
    enqueueForChannels(alert).catch((error: unknown) => console.error("[wharf] alerting failed", error));
  }

  private hostName(hostId: string): string {
    return this.store.hostIds().includes(hostId) ? this.store.summary(hostId).name : hostId;
  }
}
