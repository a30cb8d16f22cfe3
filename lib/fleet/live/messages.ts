import type { Incident } from "@/lib/fleet/incident-types";
import type { ActionName, Outcome } from "@/lib/history/types";
import type { ContainerRow, HostSummary } from "../types";

/** What the server tells live clients (GET /api/events); `data` of each server-sent event. */
export type FleetMessage =
  | { type: "container"; hostId: string; id: string; row: ContainerRow | null }
  | { type: "host"; host: HostSummary }
  | { type: "incident"; incident: Incident }
  | { type: "action"; progress: ActionProgress }
  /** A swarm manager's services changed (`name`: the one that did, when known): services pages read them again. */
  | { type: "service"; hostId: string; name: string | null };

export type FleetSnapshot = { hosts: HostSummary[]; containers: ContainerRow[]; incidents: Incident[] };

// Plain constants and types only: this module reaches the browser, and zod should not come with it.

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
