// Plain constants and types only: the container page imports them, and zod should not come with them.

/** Labels that opt a container in; `wharf.autoheal=false` opts one out even when a policy covers it. */
export const AUTOHEAL_LABELS = ["wharf.autoheal", "autoheal"] as const;

/** At most this many tries within the window; the next failure after them is given up on. */
export const MAX_TRIES = 5;
export const TRY_WINDOW_MS = 30 * 60_000;
export const DEFAULT_GRACE_MS = 10_000;

/**
 * An operator's opt-in for a host, a compose project on every host (`hostId` null), or a compose project on
 * one host. `graceSeconds` null: the server's default grace period.
 */
export type AutohealPolicy = {
  id: number;
  hostId: string | null;
  project: string | null;
  graceSeconds: number | null;
  createdBy: string;
  createdAt: string;
};

export type NewAutohealPolicy = Pick<AutohealPolicy, "hostId" | "project" | "graceSeconds">;

/** What opts a container in: a label on it, or a policy (the most specific that matches). */
export type PolicyInForce =
  | { source: "label"; label: string; graceMs: number }
  | { source: "policy"; policy: AutohealPolicy; graceMs: number };

export type HealAction = "restart" | "start";

/**
 * Where auto-heal stands for one container: `off` (not opted in), `watching` (opted in, nothing to do),
 * `waiting` (a try is planned at `nextTryAt`), `gave-up` (no more tries until the window has room again).
 */
export type AutohealStatus = {
  hostId: string;
  containerName: string;
  policy: PolicyInForce | null;
  state: "off" | "watching" | "waiting" | "gave-up";
  nextTryAt: string | null;
  nextAction: HealAction | null;
  /** Tries within the last 30 minutes, oldest first. */
  tries: string[];
  maxTries: number;
  gaveUpAt: string | null;
};

export type AutohealStatusResponse = { status: AutohealStatus };
export type AutohealPoliciesResponse = { policies: AutohealPolicy[] };

/**
 * What auto-heal tells whoever listens (alerts): it acted on a container, or gave up on it. `incidentId` is
 * the open incident the line was added to, when there was one.
 */
export type AutohealEvent =
  | {
      type: "autoheal.acted";
      at: string;
      hostId: string;
      containerName: string;
      action: HealAction;
      try: number;
      maxTries: number;
      historyId: number;
      outcome: "succeeded" | "failed" | "rolled-back" | "no-change";
      message: string;
      incidentId: number | null;
    }
  | {
      type: "autoheal.gave-up";
      at: string;
      hostId: string;
      containerName: string;
      /** What it kept trying. */
      action: HealAction;
      tries: number;
      reason: string;
      incidentId: number | null;
    };
