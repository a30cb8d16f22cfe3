import "server-only";
import { actionNames } from "@/lib/actions/types";
import { openStreams, streamKinds } from "@/lib/api/open-streams";
import { countAlertDeliveries } from "@/lib/db/count-alert-deliveries";
import { countOpenIncidents } from "@/lib/db/count-open-incidents";
import { countWaitingAlerts } from "@/lib/db/count-waiting-alerts";
import { getDb } from "@/lib/db/db";
import { getLiveFleet } from "@/lib/fleet/live/get-live-fleet";
import { attentionReasons, containerStates } from "@/lib/fleet/types";
import { incidentKinds } from "@/lib/incidents/types";
import type { MetricFamily, Sample } from "./exposition";
import { getMetricsRecorder } from "./metrics-recorder";

/**
 * Everything /metrics exposes, read from what Wharf already holds: the live store (kept by the engines' events),
 * a few GROUP BY queries on small tables, and the recorder's counts. No engine is called per scrape.
 */
export async function collectMetrics(): Promise<MetricFamily[]> {
  const { store } = getLiveFleet();
  await store.ready();
  return [
    ...fleetFamilies(),
    ...incidentFamilies(store.hostIds()),
    ...actionFamilies(),
    ...alertFamilies(),
    ...streamFamilies(),
    ...processFamilies(),
  ];
}

function fleetFamilies(): MetricFamily[] {
  const { store } = getLiveFleet();
  const recorder = getMetricsRecorder();
  const up: Sample[] = [];
  const latency: Sample[] = [];
  const containers: Sample[] = [];
  const unhealthy: Sample[] = [];
  const attention: Sample[] = [];
  const lag: Sample[] = [];
  const events: Sample[] = [];
  const lastEvent: Sample[] = [];
  for (const host of store.hostIds()) {
    const summary = store.summary(host);
    const isUp = summary.status === "up";
    up.push({ labels: { host }, value: isUp ? 1 : 0 });
    if (isUp && summary.latencyMs !== null)
      latency.push({ labels: { host }, value: summary.latencyMs / 1000 });
    const seen = recorder.hostEvents(host);
    events.push({ labels: { host }, value: seen?.count ?? 0 });
    if (seen) {
      lag.push({ labels: { host }, value: seen.lastLagSeconds });
      lastEvent.push({ labels: { host }, value: seen.lastEventSeconds });
    }
    // A host that is down has only the rows it had when it went: they are not counted, as on its card.
    if (!isUp) continue;
    const byState = new Map<string, number>(containerStates.map((state) => [state, 0]));
    const byReason = new Map<string, number>(attentionReasons.map((reason) => [reason, 0]));
    let sick = 0;
    for (const row of store.rows(host)) {
      byState.set(row.state, (byState.get(row.state) ?? 0) + 1);
      if (row.attention) byReason.set(row.attention, (byReason.get(row.attention) ?? 0) + 1);
      if (row.health === "unhealthy") sick += 1;
    }
    for (const [state, value] of byState) containers.push({ labels: { host, state }, value });
    for (const [reason, value] of byReason) attention.push({ labels: { host, reason }, value });
    unhealthy.push({ labels: { host }, value: sick });
  }
  return [
    gauge("wharf_host_up", "Whether the host's engine answers (1) or not (0).", up),
    gauge("wharf_host_engine_latency_seconds", "Time of the host's last GET /version round trip.", latency),
    gauge("wharf_containers", "Containers on a host that is up, by Docker state.", containers),
    gauge(
      "wharf_containers_unhealthy",
      "Containers whose health check fails, whatever their state.",
      unhealthy,
    ),
    gauge(
      "wharf_containers_attention",
      "Containers the fleet page flags, by the reason it gives.",
      attention,
    ),
    {
      name: "wharf_host_events_total",
      help: "Engine events for containers Wharf applied since it started.",
      type: "counter",
      samples: events,
    },
    gauge(
      "wharf_host_event_lag_seconds",
      "For the host's last event: from the engine's time of the event to when Wharf applied it.",
      lag,
    ),
    gauge(
      "wharf_host_last_event_timestamp_seconds",
      "Engine time of the host's last applied event.",
      lastEvent,
    ),
  ];
}

function incidentFamilies(hostIds: string[]): MetricFamily[] {
  const counts = new Map<string, Sample>();
  for (const host of hostIds)
    for (const kind of incidentKinds) counts.set(`${host}/${kind}`, { labels: { host, kind }, value: 0 });
  // Incidents of a host since dropped from the fleet file stay open in the database, and stay counted.
  for (const row of countOpenIncidents(getDb()))
    counts.set(`${row.hostId}/${row.kind}`, {
      labels: { host: row.hostId, kind: row.kind },
      value: row.count,
    });
  return [gauge("wharf_incidents_open", "Open incidents, by host and kind.", [...counts.values()])];
}

function actionFamilies(): MetricFamily[] {
  const recorder = getMetricsRecorder();
  const running = recorder.runningActions();
  return [
    {
      name: "wharf_action_duration_seconds",
      help: "Actions Wharf ran (start, stop, restart, redeploy, rollback) since it started, by outcome, and how long they took.",
      type: "histogram",
      samples: recorder.actionDurations.samples(),
    },
    gauge(
      "wharf_actions_running",
      "Actions running now.",
      actionNames.map((action) => ({ labels: { action }, value: running.get(action) ?? 0 })),
    ),
  ];
}

function alertFamilies(): MetricFamily[] {
  const db = getDb();
  const waiting = new Map<string, number>([
    ["pending", 0],
    ["held", 0],
  ]);
  for (const row of countWaitingAlerts(db)) waiting.set(row.state, row.count);
  return [
    {
      name: "wharf_alert_deliveries_total",
      help: "Tries to deliver an alert, by channel kind and outcome (delivered: a 2xx or an accepted mail).",
      type: "counter",
      samples: countAlertDeliveries(db).map((row) => ({
        labels: { kind: row.kind, outcome: row.ok ? "delivered" : "failed" },
        value: row.count,
      })),
    },
    gauge(
      "wharf_alerts_waiting",
      "Alerts not sent yet: waiting for a try (pending) or over a channel's rate limit (held).",
      [...waiting].map(([state, value]) => ({ labels: { state }, value })),
    ),
  ];
}

function streamFamilies(): MetricFamily[] {
  const open = openStreams();
  return [
    gauge(
      "wharf_sse_streams_open",
      "Server-sent event streams open now: the fleet's events, container logs, container stats.",
      streamKinds.map((stream) => ({ labels: { stream }, value: open[stream] })),
    ),
  ];
}

function processFamilies(): MetricFamily[] {
  const cpu = process.cpuUsage();
  return [
    {
      name: "process_cpu_seconds_total",
      help: "Total user and system CPU time spent in seconds.",
      type: "counter",
      samples: [{ value: (cpu.user + cpu.system) / 1e6 }],
    },
    gauge("process_resident_memory_bytes", "Resident memory size in bytes.", [
      { value: process.memoryUsage().rss },
    ]),
    gauge("process_start_time_seconds", "Start time of the process since unix epoch in seconds.", [
      { value: Math.round((Date.now() - process.uptime() * 1000) / 1000) },
    ]),
  ];
}

function gauge(name: string, help: string, samples: Sample[]): MetricFamily {
  return { name, help, type: "gauge", samples };
}
