import "server-only";
import { FULL_VIEW, visibleRows, type Visibility } from "@/lib/fleet/fleet-targets";
import { getLiveFleet } from "@/lib/fleet/live/get-live-fleet";
import { attentionReasons, containerStates } from "@/lib/fleet/types";
import type { MetricFamily, Sample } from "./exposition";
import { gauge } from "./gauge";
import { getMetricsRecorder } from "./metrics-recorder";

/**
 * Hosts and their containers, from the live store in one pass over each host's rows; the hosts' event counts.
 * A scoped caller gets the hosts it reaches, counts of the containers it sees, and event counts (a host's whole
 * activity) only for hosts it sees whole.
 */
export function fleetFamilies(view: Visibility = FULL_VIEW): MetricFamily[] {
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
  for (const host of store.hostIds().filter(view.reaches)) {
    const summary = store.summary(host);
    const isUp = summary.status === "up";
    up.push({ labels: { host }, value: isUp ? 1 : 0 });
    if (isUp && summary.latencyMs !== null)
      latency.push({ labels: { host }, value: summary.latencyMs / 1000 });
    const seen = view.seesHost(host) ? recorder.hostEvents(host) : undefined;
    if (view.seesHost(host)) events.push({ labels: { host }, value: seen?.count ?? 0 });
    if (seen) {
      lag.push({ labels: { host }, value: seen.lastLagSeconds });
      lastEvent.push({ labels: { host }, value: seen.lastEventSeconds });
    }
    // A host that is down has only the rows it had when it went: they are not counted, as on its card.
    if (!isUp) continue;
    const byState = new Map<string, number>(containerStates.map((state) => [state, 0]));
    const byReason = new Map<string, number>(attentionReasons.map((reason) => [reason, 0]));
    let sick = 0;
    for (const row of visibleRows(store.rows(host), view)) {
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
