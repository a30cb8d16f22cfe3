import type { ActionProgress, ActionStepId } from "@/lib/fleet/live/messages";

export const stepLabels: Record<ActionStepId, string> = {
  pull: "Pull the image",
  create: "Create the new container",
  "stop-old": "Stop the old container",
  "start-new": "Start the new container",
  check: "Check it holds (health / grace)",
  "remove-old": "Remove the old container",
  rollback: "Roll back to the old container",
};

export type ChecklistItem = {
  id: ActionStepId;
  state: "done" | "running" | "pending" | "failed" | "skipped";
  /** When it began, and when it ended (the next step's start, or the end of the action). */
  startedAt: number | null;
  endedAt: number | null;
  until: number | null;
};

/**
 * The checklist of a stepped action from its latest progress message: every planned step, done, running or
 * still to come; a rollback step is added where it happened. `now` ends the running step's elapsed time.
 */
export function checklist(progress: ActionProgress, endedAt: number | null): ChecklistItem[] {
  const steps = progress.steps ?? [];
  const began = new Map(steps.map((step, index) => [step.id, index]));
  const ids = [...(progress.plan ?? [])];
  if (began.has("rollback")) ids.push("rollback");
  const rolledBack = began.has("rollback");
  return ids.map((id) => {
    const index = began.get(id);
    if (index === undefined) {
      // A step after a rollback, or one a no-change redeploy never needed, did not run and will not.
      const over = progress.done || rolledBack;
      return { id, state: over ? "skipped" : "pending", startedAt: null, endedAt: null, until: null };
    }
    const step = steps[index]!;
    const next = steps[index + 1];
    const last = next === undefined;
    const failed =
      last && progress.done && progress.outcome !== "succeeded" && progress.outcome !== "no-change";
    return {
      id,
      state: failed ? "failed" : last && !progress.done ? "running" : "done",
      startedAt: Date.parse(step.at),
      endedAt: next ? Date.parse(next.at) : progress.done ? endedAt : null,
      until: step.until ? Date.parse(step.until) : null,
    };
  });
}
