// Plain constants and types only: this module reaches the browser.

/** One deploy as the insights count it: a redeploy (Wharf's or made outside it) that settled. */
export type DeployFact = {
  at: string;
  hostId: string;
  containerName: string;
  project: string | null;
  service: string | null;
  outcome: "succeeded" | "failed" | "rolled-back";
  /** Crashed within 10 minutes after it (null: not settled yet, counted as held). */
  crashedAfter: boolean | null;
  /** The deployed image's `org.opencontainers.image.created` label, as written. */
  imageCreated: string | null;
};

/** One incident: time to restore is opened → ended, for those that ended by recovering. */
export type RestoreFact = {
  openedAt: string;
  endedAt: string | null;
  hostId: string;
  containerName: string;
  /** "recovered", "removed", "replaced", or null (ended before Wharf recorded why, or open). */
  endReason: string | null;
};

/** Whether a metric went up or down against the previous period, and whether that is good news. */
export type Trend = {
  current: number | null;
  previous: number | null;
  direction: "up" | "down" | "flat" | null;
  better: boolean | null;
};

export type Spread = { count: number; medianMs: number | null; p90Ms: number | null };

/** The four figures of one period. */
export type PeriodFigures = {
  deploys: number;
  succeeded: number;
  /** Failed, rolled back, or crashed within 10 minutes. */
  failures: number;
  changeFailureRate: number | null;
  deploysPerDay: number;
  deploysPerWeek: number;
  restore: Spread & { open: number };
  leadTime: Spread;
};

export type GroupFigures = {
  key: string;
  deploys: number;
  succeeded: number;
  changeFailureRate: number | null;
  previousDeploys: number;
  previousChangeFailureRate: number | null;
  leadTimeMedianMs: number | null;
  restoreMedianMs: number | null;
};

export type DayCount = { day: string; succeeded: number; failed: number };

export type InsightsResponse = {
  from: string;
  to: string;
  previousFrom: string;
  current: PeriodFigures;
  previous: PeriodFigures;
  trends: {
    deploysPerDay: Trend;
    changeFailureRate: Trend;
    restoreMedianMs: Trend;
    leadTimeMedianMs: Trend;
  };
  /** Every UTC day of the period, empty ones included; `failed` counts every deploy that counts as a failure. */
  days: DayCount[];
  byService: GroupFigures[];
  byProject: GroupFigures[];
  byHost: GroupFigures[];
};

/** What `/insights` and `GET /api/insights` are asked: a period (ISO) and an optional host and compose project. */
export type InsightsQuery = { from?: string; to?: string; host?: string; project?: string };

export const DEFAULT_INSIGHTS_DAYS = 30;
export const MAX_INSIGHTS_DAYS = 366;
