import type { ImageProvenance } from "@/lib/core/image-provenance";

/** What Wharf itself does to a container. */
export const actionNames = ["start", "stop", "restart", "redeploy", "rollback"] as const;
// Plain constants and types only: this module reaches the browser, and zod should not come with it.
export type ActionName = (typeof actionNames)[number];

/**
 * What the history records: Wharf's actions, what was done outside Wharf with the docker CLI or API, and an
 * admin's image prune (a row about a host: its containerName is "").
 */
export const historyActions = [...actionNames, "kill", "pause", "unpause", "remove", "prune"] as const;
export type HistoryAction = (typeof historyActions)[number];

export const outcomes = ["succeeded", "failed", "rolled-back", "no-change"] as const;
export type Outcome = (typeof outcomes)[number];

export const sources = ["ui", "api", "autoheal", "external"] as const;
export type Source = (typeof sources)[number];

/** One configuration field that differs between the container before and after a deploy. */
export type ValueChange = { field: string; before: unknown; after: unknown };
/**
 * The environment differs: which keys, never their values. Values are often secrets, and every viewer reads
 * the history (and its CSV).
 */
export type KeyChange = { field: string; added: string[]; removed: string[]; changed: string[] };
export type ConfigChange = ValueChange | KeyChange;

/** One row of the deploy history; field names are the API contract (docs/api.md). */
export type HistoryEntry = {
  id: number;
  at: string;
  actor: string;
  source: Source;
  action: HistoryAction;
  hostId: string;
  containerName: string;
  containerIdBefore: string | null;
  containerIdAfter: string | null;
  /**
   * The image reference the container had before (null when not known: a change made outside Wharf, seen only
   * after it), and the one the action went to — for a redeploy onto another tag, that tag.
   */
  imageRefBefore: string | null;
  imageRef: string | null;
  imageIdBefore: string | null;
  imageIdAfter: string | null;
  digestBefore: string | null;
  digestAfter: string | null;
  configDiff: ConfigChange[];
  /** null while the action runs. */
  outcome: Outcome | null;
  error: string | null;
  durationMs: number | null;
  /** Whether the container crashed within 10 minutes after a successful deploy; null until known. */
  crashedAfter: boolean | null;
  /** What the engine said of a change made outside Wharf (the signal of a kill, an exit code); null otherwise. */
  detail: string | null;
  /** The container's compose project and service when it had them; null otherwise (and on rows before issue 14). */
  project: string | null;
  service: string | null;
  /**
   * What the image before and the one after (for a redeploy: the one tried, kept or not) said of themselves,
   * recorded with the row so it stays true after the image is gone; null when not known.
   */
  provenanceBefore: ImageProvenance | null;
  provenanceAfter: ImageProvenance | null;
  /** The phases a Wharf action went through, oldest first, each with when it began; empty for external rows. */
  steps: HistoryStep[];
  /**
   * For a deploy that moved the container to another image: the incidents of that container that opened within
   * 30 minutes after it (and before its next deploy), oldest first. Computed when read, not recorded.
   */
  incidentIds: number[];
};

/** A phase a recorded action went through (the history keeps these; the live checklist has ActionStep). */
export type HistoryStep = { at: string; phase: string };

export type NewHistoryEntry = Pick<
  HistoryEntry,
  "at" | "actor" | "source" | "action" | "hostId" | "containerName"
> &
  Partial<
    Pick<
      HistoryEntry,
      | "containerIdBefore"
      | "imageRefBefore"
      | "imageRef"
      | "imageIdBefore"
      | "digestBefore"
      | "detail"
      | "project"
      | "service"
      | "provenanceBefore"
      | "provenanceAfter"
    >
  >;

export type HistoryPatch = Partial<
  Omit<
    HistoryEntry,
    | "id"
    | "at"
    | "actor"
    | "source"
    | "action"
    | "hostId"
    | "containerName"
    | "project"
    | "service"
    | "incidentIds"
  >
>;

/** What the history can be filtered by; "running" stands for an action that has no outcome yet. */
export const historyOutcomes = ["succeeded", "failed", "rolled-back", "no-change", "running"] as const;
export type HistoryOutcome = Outcome | "running";

/** Filters of the history list, its CSV export and its timeline. `from` is inclusive, `to` exclusive (ISO 8601 UTC). */
export type HistoryFilter = {
  hostId?: string;
  containerName?: string;
  actor?: string;
  action?: HistoryAction;
  outcome?: HistoryOutcome;
  from?: string;
  to?: string;
  /** "only": redeploys and rollbacks alone. */
  deploys?: "only";
  /** "hide": leave out the containers removed outside Wharf (a busy CI host makes these most of its rows). */
  externalRemoves?: "hide" | "show";
};

/** One page of the list: `cursor` is the `nextCursor` of the page before. */
export type HistoryPageRequest = HistoryFilter & { limit?: number; cursor?: string };

export type HistoryPage = { entries: HistoryEntry[]; nextCursor: string | null };

/** Deploys of one UTC day on one host with one outcome (`null`: still running). */
export type DeployDayCount = { day: string; hostId: string; outcome: Outcome | null; count: number };

/** The chart's data: `firstDay`…`lastDay` (UTC dates, inclusive) is the span drawn, empty days included. */
export type HistoryTimeline = { firstDay: string; lastDay: string; days: DeployDayCount[] };

export const DEFAULT_TIMELINE_DAYS = 30;
export const MAX_TIMELINE_DAYS = 366;
