"use client";
import { Button } from "@/components/ui/button";
import { describePolicy } from "@/lib/autoheal/describe-policy";
import type { AutohealStatus } from "@/lib/autoheal/types";
import { useDeleteAutohealPolicy } from "@/lib/queries/use-delete-autoheal-policy";
import { useSetAutohealPolicy } from "@/lib/queries/use-set-autoheal-policy";

/**
 * An operator turns auto-heal on for this container's compose project (on this host) or for its whole host,
 * or turns off the policy that covers it. A label is the container's own: it is changed where it is set.
 */
export function AutohealPolicyButtons({
  status,
  project,
}: {
  status: AutohealStatus;
  project: string | null;
}) {
  const set = useSetAutohealPolicy();
  const remove = useDeleteAutohealPolicy();
  const busy = set.isPending || remove.isPending;
  const error = set.error ?? remove.error;
  const policy = status.policy?.source === "policy" ? status.policy.policy : null;
  return (
    <span className="flex flex-wrap items-center gap-2">
      {status.policy === null && project && (
        <Button
          size="sm"
          disabled={busy}
          onClick={() => set.mutate({ hostId: status.hostId, project })}
          data-testid="autoheal-on-project"
        >
          Heal project {project} on {status.hostId}
        </Button>
      )}
      {status.policy === null && (
        <Button
          size="sm"
          disabled={busy}
          onClick={() => set.mutate({ hostId: status.hostId, project: null })}
          data-testid="autoheal-on-host"
        >
          Heal every container on {status.hostId}
        </Button>
      )}
      {policy && (
        <Button size="sm" disabled={busy} onClick={() => remove.mutate(policy.id)} data-testid="autoheal-off">
          Turn off the policy for {describePolicy(policy)}
        </Button>
      )}
      {error && (
        <span role="alert" className="text-red-700 dark:text-red-400">
          {error.message}
        </span>
      )}
    </span>
  );
}
