"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { swarmTaskRefusal } from "@/lib/fleet/swarm-task";
import type { ContainerDetail, RollbackAvailability } from "@/lib/fleet/types";
import type { ActionName } from "@/lib/history/types";
import { useActionProgress } from "@/lib/queries/use-action-progress";
import { useCan } from "@/lib/queries/use-can";
import { useRunningActions } from "@/lib/queries/use-running-actions";
import { ActionChecklist } from "./action-checklist";
import { ActionPhase } from "./action-phase";
import { actionLabels } from "./action-labels";
import { confirmationFor, isUp, type Confirmation } from "./describe-action";
import { chooseImage } from "./choose-image";
import { RedeployImageField } from "./redeploy-image-field";
import { useToastingContainerAction } from "./use-toasting-actions";

const order: ActionName[] = ["start", "stop", "restart", "redeploy", "rollback"];

/** Start, stop, restart, redeploy and roll back one container; shows the running action's phase. */
export function ActionBar({
  container,
  rollback,
}: {
  container: ContainerDetail;
  rollback: RollbackAvailability;
}) {
  const { hostId, name } = container;
  const progress = useActionProgress(hostId, name);
  const running = useRunningActions().has(`${hostId}/${name}`);
  const mutation = useToastingContainerAction();
  const busy = running || mutation.isPending;
  // The question is fixed when asked: a state change meanwhile must not swap or close the dialog under the user.
  const [asking, setAsking] = useState<{ action: ActionName; confirmation: Confirmation } | null>(null);
  const [force, setForce] = useState(false);
  const [imageInput, setImageInput] = useState("");
  const admin = useCan("admin");
  const choice = chooseImage(container.image, imageInput, admin ? "admin" : "operator", hostId, name);

  const send = (action: ActionName) => {
    setAsking(null);
    mutation.mutate({
      hostId,
      name,
      action,
      ...(action === "redeploy" ? { force, image: choice.image } : {}),
    });
  };
  const request = (action: ActionName) => {
    const confirmation = confirmationFor(action, container, rollback.target?.reference ?? null);
    setForce(false);
    setImageInput("");
    if (confirmation) setAsking({ action, confirmation });
    else send(action);
  };
  const live = progress && !progress.done ? progress : null;
  const sentAction = mutation.isPending ? mutation.variables?.action : undefined;

  return (
    <section
      aria-label="Actions"
      data-busy={busy ? "1" : "0"}
      // A flex gap, not space-y: the closed <dialog> is a child too, and must not leave a margin behind.
      className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-center gap-2">
        {order.map((action) => {
          const why = busy
            ? "An action is running on this container"
            : unavailable(action, container, rollback);
          return (
            <Button
              key={action}
              variant={action === "redeploy" ? "primary" : "default"}
              data-testid={`action-${action}`}
              disabled={why !== null}
              title={
                why ??
                (action === "rollback" && rollback.target
                  ? `Roll back to ${rollback.target.reference}`
                  : undefined)
              }
              onClick={() => request(action)}
            >
              <span aria-hidden>{actionLabels[action].icon}</span>
              {actionLabels[action].label}
            </Button>
          );
        })}
      </div>
      {!rollback.available && rollback.reason && (
        <p data-testid="rollback-unavailable" className="text-xs text-slate-500 dark:text-slate-400">
          Rollback: {rollback.reason}
        </p>
      )}
      {live ? (
        <ActionPhase action={live.action} phase={live.phase} progress={live.progress} />
      ) : sentAction ? (
        // Asked, but the stream has not reported the action yet (or is reconnecting).
        <ActionPhase action={sentAction} phase="sent, waiting for the server" progress={null} />
      ) : null}
      {/* The last stepped action stays listed once done, with what each step took, until the next one. */}
      {progress?.plan && (
        <ActionChecklist
          progress={progress}
          endedAt={progress.endedAt ? Date.parse(progress.endedAt) : null}
        />
      )}
      <ConfirmDialog
        open={asking !== null}
        title={asking?.confirmation.title ?? ""}
        confirmLabel={asking?.confirmation.confirmLabel ?? ""}
        variant={asking?.action === "redeploy" ? "primary" : "danger"}
        confirmDisabled={asking?.action === "redeploy" && choice.problem !== null}
        onConfirm={() => asking && send(asking.action)}
        onCancel={() => setAsking(null)}
      >
        <p>{asking?.confirmation.body}</p>
        {asking?.action === "redeploy" && (
          <RedeployImageField
            current={container.image}
            admin={admin}
            value={imageInput}
            problem={choice.problem}
            onChange={setImageInput}
          />
        )}
        {asking?.action === "redeploy" && (
          <label className="flex items-center gap-2 text-slate-800 dark:text-slate-100">
            <input
              type="checkbox"
              data-testid="force-recreate"
              checked={force}
              onChange={(event) => setForce(event.target.checked)}
              className="h-4 w-4 accent-sky-700"
            />
            Force recreate, even if the image has not changed
          </label>
        )}
      </ConfirmDialog>
    </section>
  );
}

/** Why an action makes no sense in the container's state, or null. */
function unavailable(
  action: ActionName,
  container: ContainerDetail,
  rollback: RollbackAvailability,
): string | null {
  const task = swarmTaskRefusal(container);
  if (task !== null) return task;
  if (action === "rollback" && !rollback.available) return rollback.reason ?? "Nothing to roll back to";
  const up = isUp(container) || container.state === "restarting";
  if (action === "start" && up) return `${container.name} is already ${container.state}`;
  if (action === "stop" && !up) return `${container.name} is not running`;
  return null;
}
