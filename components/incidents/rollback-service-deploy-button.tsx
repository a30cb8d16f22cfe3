"use client";
import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/dialog";
import type { Incident, IncidentDeploy } from "@/lib/fleet/incident-types";
import { shortDigest } from "@/lib/history/format-history";
import { useServiceAction } from "@/lib/queries/use-service-action";
import type { ServiceActionResult } from "@/lib/services/types";

/**
 * The service's own rollback (the swarm's, to its previous spec; same lock and history row as on the services
 * page): it undoes the service's last change, which the card offers only while that is the incident's deploy.
 */
export function RollbackServiceDeployButton({
  incident,
  deploy,
}: {
  incident: Incident;
  deploy: IncidentDeploy;
}) {
  const [asking, setAsking] = useState(false);
  const [result, setResult] = useState<ServiceActionResult | Error | null>(null);
  const { mutate, isPending } = useServiceAction(setResult);
  const target = [deploy.imageRefBefore, deploy.digestBefore && shortDigest(deploy.digestBefore)]
    .filter(Boolean)
    .join(" ");
  const send = () => {
    setAsking(false);
    setResult(null);
    mutate({ hostId: incident.hostId, name: incident.containerName, action: "rollback" });
  };
  // A rolled-back or failed rollback settles with a result too: it reads as an alert, not a status.
  const failed = result instanceof Error || (result !== null && result.outcome !== "succeeded");
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
      {result && (
        <p
          role={failed ? "alert" : "status"}
          data-testid="rollback-deploy-result"
          className={`max-w-xs text-right text-xs ${failed ? "text-red-700 dark:text-red-400" : ""}`}
        >
          {result.message}
        </p>
      )}
      <ConfirmDialog
        open={asking}
        title={`Roll back service ${incident.containerName} on ${incident.hostId}?`}
        confirmLabel="Roll back"
        onConfirm={send}
        onCancel={() => setAsking(false)}
      >
        <p>
          The swarm returns it to the spec it ran before this {deploy.action}
          {target ? ` (${target})` : ""}, task by task.
        </p>
      </ConfirmDialog>
    </div>
  );
}
