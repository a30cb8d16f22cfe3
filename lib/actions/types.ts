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

/** What an action answers: the history row it wrote, and its outcome. */
export type ActionResult = {
  historyId: number;
  outcome: Outcome;
  message: string;
  entry: HistoryEntry & { action: ActionName };
};

/** The steps of a redeploy (or a rollback), in order; each is one item of the page's checklist. */
export const actionSteps = [
  "pull",
  "create",
  "stop-old",
  "start-new",
  "check",
  "remove-old",
  "rollback",
] as const;
export type ActionStepId = (typeof actionSteps)[number];

/** A step begun, and when; `until` (the check step) is when the grace period ends if all goes well. */
export type ActionStep = { id: ActionStepId; at: string; until?: string };

/** Live progress of a running action, sent to clients on the event stream. */
export type ActionProgress = {
  historyId: number;
  hostId: string;
  containerName: string;
  action: ActionName;
  phase: string;
  /** 0..1 while pulling, when the registry reports sizes. */
  progress: number | null;
  done: boolean;
  outcome?: Outcome;
  message?: string;
  /** On the last event: how long the action took, as its history row records it. */
  durationMs?: number;
  /** When the action began, and (with `done`) when it ended. */
  startedAt?: string;
  endedAt?: string;
  /** The steps this action will take, when it takes steps (a redeploy, a rollback). */
  plan?: ActionStepId[];
  /** The steps begun so far, oldest first; the last one runs unless `done`. */
  steps?: ActionStep[];
  /** Bytes pulled so far and in all, while pulling, when the registry reports sizes. */
  pulled?: { current: number; total: number } | null;
};
