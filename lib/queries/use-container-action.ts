"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { settledResultOf } from "@/lib/actions/action-failure";
import { fetchJson } from "@/lib/api/fetch-json";
import type { ActionResult } from "@/lib/actions/types";
import type { ActionProgress } from "@/lib/fleet/live/messages";
import type { ActionName } from "@/lib/history/types";
import { actionKeys, fleetKeys, historyKeys, incidentKeys } from "./keys";

export type ContainerActionInput = {
  hostId: string;
  name: string;
  action: ActionName;
  /** redeploy only: recreate even when the pull brought no new image. */
  force?: boolean;
  /** redeploy and rollback: how long the new container must hold (server default 5 s). */
  graceSeconds?: number;
  /** redeploy only: another reference to run (lib/actions/image-rule.ts says which the caller may name). */
  image?: string;
};

export type ContainerActionCallbacks = {
  onSuccess?: (result: ActionResult, input: ContainerActionInput) => void;
  onError?: (error: Error, input: ContainerActionInput) => void;
};

/**
 * Start, stop, restart, redeploy or roll back one container. The request lasts as long as the action, so the
 * mutation is pending until it ends; its live phase comes from the event stream (useActionProgress).
 */
export function useContainerAction(callbacks: ContainerActionCallbacks = {}) {
  const client = useQueryClient();
  return useMutation({
    mutationKey: actionKeys.run(),
    mutationFn: async (input: ContainerActionInput) => {
      try {
        return await fetchJson<ActionResult>(
          `/api/containers/${encodeURIComponent(input.hostId)}/${encodeURIComponent(input.name)}/${input.action}`,
          {
            method: "POST",
            // The header makes the history record the action as done from the UI rather than by a script.
            headers: { "content-type": "application/json", "x-wharf-source": "ui" },
            body: JSON.stringify(bodyOf(input)),
          },
        );
      } catch (error) {
        // A failed or rolled-back action answers an error status with its result: show that outcome, not a
        // generic error. Only a refusal (nothing was done) stays an error.
        const settled = settledResultOf(error);
        if (settled) return settled;
        throw error;
      }
    },
    onSuccess: (result, input) => {
      markDone(client, result);
      callbacks.onSuccess?.(result, input);
    },
    onError: (error, input) => callbacks.onError?.(error, input),
    onSettled: (_result, _error, input) =>
      Promise.all([
        client.invalidateQueries({ queryKey: fleetKeys.container(input.hostId, input.name) }),
        client.invalidateQueries({ queryKey: historyKeys.all }),
        // An incident names the deploy before it while that is the container's last: a deploy changes that.
        client.invalidateQueries({ queryKey: incidentKeys.all }),
      ]),
  });
}

function bodyOf({ action, force, graceSeconds, image }: ContainerActionInput): Record<string, unknown> {
  const grace = graceSeconds === undefined ? {} : { graceSeconds };
  if (action === "redeploy") return { force: force ?? false, ...grace, ...(image ? { image } : {}) };
  if (action === "rollback") return grace;
  return {};
}

/**
 * The answer is the action's end: record it as the stream would, so the buttons come back even when the
 * stream dropped the last event (a reconnect with a fresh snapshot does not replay it).
 */
function markDone(client: ReturnType<typeof useQueryClient>, result: ActionResult): void {
  const { entry } = result;
  const key = `${entry.hostId}/${entry.containerName}`;
  client.setQueryData<Record<string, ActionProgress>>(actionKeys.progress(), (old) => {
    const current = old?.[key];
    if (current && (current.done || current.historyId > result.historyId)) return old;
    const done: ActionProgress = {
      historyId: result.historyId,
      hostId: entry.hostId,
      containerName: entry.containerName,
      action: entry.action,
      phase: "done",
      progress: null,
      done: true,
      outcome: result.outcome,
      message: result.message,
    };
    return { ...old, [key]: done };
  });
}
