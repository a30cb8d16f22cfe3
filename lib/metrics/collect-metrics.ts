import "server-only";
import { openStreams, streamKinds } from "@/lib/api/open-streams";
import type { AlertTables } from "@/lib/alerts/db/alert-tables";
import { countAlertDeliveries } from "@/lib/alerts/db/count-alert-deliveries";
import { countWaitingAlerts } from "@/lib/alerts/db/count-waiting-alerts";
import { getDatabase } from "@/lib/db/database";
import { incidentKinds } from "@/lib/fleet/incident-types";
import { FULL_VIEW, incidentTarget, type Visibility } from "@/lib/fleet/fleet-targets";
import { getLiveFleet } from "@/lib/fleet/live/get-live-fleet";
import { actionNames } from "@/lib/history/types";
import { countOpenIncidents } from "@/lib/incidents/db/count-open-incidents";
import type { IncidentTables } from "@/lib/incidents/db/incident-table";
import { listIncidents, MAX_INCIDENT_LIMIT } from "@/lib/incidents/db/list-incidents";
import type { MetricFamily, Sample } from "./exposition";
import { fleetFamilies } from "./fleet-families";
import { gauge } from "./gauge";
import { getMetricsRecorder } from "./metrics-recorder";

/**
 * Everything /metrics exposes, read from what Wharf already holds: the live store (kept by the engines' events),
 * a few GROUP BY counts in the database, and the recorder's counts. No engine is called per scrape. A scoped
 * caller (a token scoped to a project) gets its own series alone: its containers and their open incidents;
 * Wharf's own figures (actions, alerts, streams, the process) are the whole fleet's and left out.
 */
export async function collectMetrics(view: Visibility = FULL_VIEW): Promise<MetricFamily[]> {
  const { store } = getLiveFleet();
  await store.ready();
  if (!view.all) return [...fleetFamilies(view), await scopedIncidentFamily(store.hostIds(), view)];
  return [
    ...fleetFamilies(),
    ...(await incidentFamilies(store.hostIds())),
    ...actionFamilies(),
    ...(await alertFamilies()),
    ...streamFamilies(),
    ...processFamilies(),
  ];
}

async function incidentFamilies(hostIds: string[]): Promise<MetricFamily[]> {
  const counts = new Map<string, Sample>();
  for (const host of hostIds)
    for (const kind of incidentKinds) counts.set(`${host}/${kind}`, { labels: { host, kind }, value: 0 });
  // Incidents of a host since dropped from the fleet file stay open in the database, and stay counted.
  for (const row of await countOpenIncidents(await getDatabase<IncidentTables>()))
    counts.set(`${row.hostId}/${row.kind}`, {
      labels: { host: row.hostId, kind: row.kind },
      value: row.count,
    });
  return [gauge("wharf_incidents_open", "Open incidents, by host and kind.", [...counts.values()])];
}

async function scopedIncidentFamily(hostIds: string[], view: Visibility): Promise<MetricFamily> {
  const counts = new Map<string, Sample>();
  for (const host of hostIds.filter(view.reaches))
    for (const kind of incidentKinds) counts.set(`${host}/${kind}`, { labels: { host, kind }, value: 0 });
  const open = await listIncidents(await getDatabase<IncidentTables>(), {
    open: true,
    limit: MAX_INCIDENT_LIMIT,
  });
  for (const incident of open) {
    const sample = counts.get(`${incident.hostId}/${incident.kind}`);
    if (sample && view.sees(incidentTarget(incident))) sample.value += 1;
  }
  return gauge("wharf_incidents_open", "Open incidents, by host and kind.", [...counts.values()]);
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

async function alertFamilies(): Promise<MetricFamily[]> {
  const db = await getDatabase<AlertTables>();
  const waiting = new Map<string, number>([
    ["pending", 0],
    ["held", 0],
  ]);
  for (const row of await countWaitingAlerts(db)) waiting.set(row.state, row.count);
  return [
    {
      name: "wharf_alert_deliveries_total",
      help: "Tries to deliver an alert, by channel kind and outcome (delivered: a 2xx or an accepted mail).",
      type: "counter",
      samples: (await countAlertDeliveries(db)).map((row) => ({
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
    nodeVersionInfo(),
  ];
}

// As prom-client's default metric of that name, so dashboards and alerts on an out-of-support Node work as-is.
function nodeVersionInfo(): MetricFamily {
  const [major = "", minor = "", patch = ""] = process.versions.node.split(".");
  return gauge("nodejs_version_info", "Node.js version info.", [
    { labels: { version: process.version, major, minor, patch }, value: 1 },
  ]);
}
