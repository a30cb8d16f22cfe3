import { percentile } from "./percentile";
import type {
  DayCount,
  DeployFact,
  GroupFigures,
  InsightsResponse,
  PeriodFigures,
  RestoreFact,
  Spread,
  Trend,
} from "./types";

const DAY_MS = 86_400_000;

export type InsightsInput = {
  /** Inclusive start and exclusive end of the period (ISO); the previous period is as long, just before. */
  from: string;
  to: string;
  /** Deploys and incidents of both periods (others are ignored). */
  deploys: DeployFact[];
  incidents: RestoreFact[];
};

const failed = (d: DeployFact) => d.outcome !== "succeeded" || d.crashedAfter === true;

/**
 * The delivery figures of a period against the one before it: deployment frequency, change-failure rate, time
 * to restore and lead time, overall and per service, compose project and host. Pure: the same facts give the
 * same figures, so a test can compute them by hand.
 */
export function computeInsights({ from, to, deploys, incidents }: InsightsInput): InsightsResponse {
  const start = Date.parse(from);
  const end = Date.parse(to);
  const previousStart = start - (end - start);
  // ISO instants of one format compare as text: no parsing per fact.
  const [a, b, c] = [previousStart, start, end].map((ms) => new Date(ms).toISOString()) as [
    string,
    string,
    string,
  ];
  const now: Facts = { deploys: [], incidents: [] };
  const before: Facts = { deploys: [], incidents: [] };
  for (const d of deploys)
    (d.at >= b && d.at < c ? now : d.at >= a && d.at < b ? before : null)?.deploys.push(d);
  for (const i of incidents)
    (i.openedAt >= b && i.openedAt < c
      ? now
      : i.openedAt >= a && i.openedAt < b
        ? before
        : null
    )?.incidents.push(i);
  const days = (end - start) / DAY_MS;
  const current = figures(now.deploys, now.incidents, days);
  const previous = figures(before.deploys, before.incidents, days);
  const keys = keysOf([...before.deploys, ...now.deploys]);
  return {
    from,
    to,
    previousFrom: new Date(previousStart).toISOString(),
    current,
    previous,
    trends: {
      deploysPerDay: trend(current.deploysPerDay, previous.deploysPerDay, true),
      changeFailureRate: trend(current.changeFailureRate, previous.changeFailureRate, false),
      restoreMedianMs: trend(current.restore.medianMs, previous.restore.medianMs, false),
      leadTimeMedianMs: trend(current.leadTime.medianMs, previous.leadTime.medianMs, false),
    },
    days: perDay(now.deploys, start, end),
    byService: groups(now, before, keys.service),
    byProject: groups(now, before, keys.project),
    byHost: groups(now, before, keys.host),
  };
}

function figures(deploys: DeployFact[], incidents: RestoreFact[], days: number): PeriodFigures {
  const succeeded = deploys.filter((d) => d.outcome === "succeeded").length;
  const failures = deploys.filter(failed).length;
  const restored = incidents.filter(recovered);
  return {
    deploys: deploys.length,
    succeeded,
    failures,
    changeFailureRate: deploys.length === 0 ? null : failures / deploys.length,
    deploysPerDay: days > 0 ? succeeded / days : 0,
    deploysPerWeek: days > 0 ? (succeeded / days) * 7 : 0,
    restore: {
      ...spread(restored.map((i) => Date.parse(i.endedAt!) - Date.parse(i.openedAt))),
      open: incidents.filter((i) => i.endedAt === null).length,
    },
    leadTime: spread(leadTimes(deploys)),
  };
}

/** Image creation → deploy, for the deploys that held and whose image says when it was built. */
function leadTimes(deploys: DeployFact[]): number[] {
  return deploys.flatMap((d) => {
    if (d.outcome !== "succeeded" || d.imageCreated === null) return [];
    const created = Date.parse(d.imageCreated);
    const at = Date.parse(d.at);
    return Number.isNaN(created) || created > at ? [] : [at - created];
  });
}

function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return { count: sorted.length, medianMs: percentile(sorted, 0.5), p90Ms: percentile(sorted, 0.9) };
}

function trend(current: number | null, previous: number | null, upIsBetter: boolean): Trend {
  if (current === null || previous === null) return { current, previous, direction: null, better: null };
  // Figures that differ by less than a rounding error are the same figure.
  const direction = Math.abs(current - previous) < 1e-9 ? "flat" : current > previous ? "up" : "down";
  return {
    current,
    previous,
    direction,
    better: direction === "flat" ? null : (direction === "up") === upIsBetter,
  };
}

function perDay(deploys: DeployFact[], start: number, end: number): DayCount[] {
  const counts = new Map<string, DayCount>();
  for (let day = Date.parse(new Date(start).toISOString().slice(0, 10)); day < end; day += DAY_MS) {
    const key = new Date(day).toISOString().slice(0, 10);
    counts.set(key, { day: key, succeeded: 0, failed: 0 });
  }
  for (const d of deploys) {
    const count = counts.get(d.at.slice(0, 10));
    if (!count) continue;
    if (failed(d)) count.failed++;
    else count.succeeded++;
  }
  return [...counts.values()];
}

type Facts = { deploys: DeployFact[]; incidents: RestoreFact[] };
type KeyOf = { deploy: (d: DeployFact) => string | null; incident: (i: RestoreFact) => string | null };

/**
 * Incidents do not record a compose project or service: one belongs to the group its container's deploys are
 * in, and, per service, a container never deployed is its own service.
 */
function keysOf(all: DeployFact[]): Record<"service" | "project" | "host", KeyOf> {
  const byContainer = new Map(all.map((d) => [`${d.hostId}/${d.containerName}`, d]));
  const deployOf = (i: RestoreFact) => byContainer.get(`${i.hostId}/${i.containerName}`);
  return {
    service: {
      deploy: (d) => d.service ?? d.containerName,
      incident: (i) => {
        const d = deployOf(i);
        return d ? (d.service ?? d.containerName) : i.containerName;
      },
    },
    project: { deploy: (d) => d.project, incident: (i) => deployOf(i)?.project ?? null },
    host: { deploy: (d) => d.hostId, incident: (i) => i.hostId },
  };
}

/** Figures per group that deployed in either period, busiest first. */
function groups(now: Facts, before: Facts, keyOf: KeyOf): GroupFigures[] {
  // One pass over the facts into buckets: a fleet with a thousand services must not cost services × deploys.
  type Bucket = { current: DeployFact[]; previous: DeployFact[]; restores: number[] };
  const buckets = new Map<string, Bucket>();
  const bucket = (key: string) => {
    let found = buckets.get(key);
    if (!found) buckets.set(key, (found = { current: [], previous: [], restores: [] }));
    return found;
  };
  for (const d of now.deploys) {
    const key = keyOf.deploy(d);
    if (key !== null) bucket(key).current.push(d);
  }
  for (const d of before.deploys) {
    const key = keyOf.deploy(d);
    if (key !== null) bucket(key).previous.push(d);
  }
  for (const i of now.incidents) {
    const key = recovered(i) ? keyOf.incident(i) : null;
    // Only groups that deployed are listed: an incident alone does not make one.
    const found = key === null ? undefined : buckets.get(key);
    found?.restores.push(Date.parse(i.endedAt!) - Date.parse(i.openedAt));
  }
  return [...buckets]
    .map(([key, { current, previous, restores }]) => ({
      key,
      deploys: current.length,
      succeeded: current.filter((d) => d.outcome === "succeeded").length,
      changeFailureRate: rate(current),
      previousDeploys: previous.length,
      previousChangeFailureRate: rate(previous),
      leadTimeMedianMs: spread(leadTimes(current)).medianMs,
      restoreMedianMs: spread(restores).medianMs,
    }))
    .sort((a, b) => b.deploys - a.deploys || a.key.localeCompare(b.key));
}

/** A removal or a redeploy's replacement ends an incident without restoring anything: not a time to restore. */
function recovered(incident: RestoreFact): boolean {
  return incident.endedAt !== null && incident.endReason === "recovered";
}

function rate(deploys: DeployFact[]): number | null {
  return deploys.length === 0 ? null : deploys.filter(failed).length / deploys.length;
}
