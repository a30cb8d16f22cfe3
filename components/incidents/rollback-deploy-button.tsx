"use client";
import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/dialog";
import type { Incident, IncidentDeploy } from "@/lib/fleet/incident-types";
import { shortDigest } from "@/lib/history/format-history";
import { useContainerAction } from "@/lib/queries/use-container-action";

/**
 * The container's own rollback (same image rule, lock and history row as on its page): it undoes the
 * container's last deploy, which the card shows only while the incident's deploy is that one.
 */
export function RollbackDeployButton({ incident, deploy }: { incident: Incident; deploy: IncidentDeploy }) {
  const [asking, setAsking] = useState(false);
  const action = useContainerAction();
  const { mutate, isPending, data, error } = action;
  const target = [deploy.imageRefBefore, deploy.digestBefore && shortDigest(deploy.digestBefore)]
    .filter(Boolean)
    .join(" ");
  const send = () => {
    setAsking(false);
    // The hook re-reads the incidents when it settles (this card may have moved to "ended" by then): the
    // deploy is no longer the container's last, and the button goes.
    mutate({ hostId: incident.hostId, name: incident.containerName, action: "rollback" });
  };
  return (
    <div className="flex flex-col items-end gap-1">
      <button
        type="button"
        data-testid="rollback-deploy"
        disabled={isPending}
        onClick={() => setAsking(true)}
        className="rounded-md border border-red-300 bg-white px-2 py-1 text-xs font-medium text-red-800 hover:bg-red-50 disabled:opacity-50 dark:border-red-800 dark:bg-slate-900 dark:text-red-300 dark:hover:bg-red-950"
      >
        {isPending ? "Rolling back…" : "Roll back this deploy"}
      </button>
      {data && (
        <p role="status" data-testid="rollback-deploy-result" className="max-w-xs text-right text-xs">
          {data.message}
        </p>
      )}
      {error && (
        <p role="alert" className="max-w-xs text-right text-xs text-red-700 dark:text-red-400">
          {error.message}
        </p>
      )}
      <ConfirmDialog
        open={asking}
        title={`Roll back ${incident.containerName} on ${incident.hostId}?`}
        confirmLabel="Roll back"
        onConfirm={send}
        onCancel={() => setAsking(false)}
      >
        <p>
          It is recreated on the image it ran before this {deploy.action}
          {target ? ` (${target})` : ""}, and put back if that does not hold.
        </p>
      </ConfirmDialog>
    </div>
  );
}
