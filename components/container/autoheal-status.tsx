"use client";
import { Can } from "@/components/auth/can";
import { Badge } from "@/components/ui/badge";
import { formatUtc } from "@/lib/core/format-utc";
import { describePolicy } from "@/lib/autoheal/describe-policy";
import type { AutohealStatus } from "@/lib/autoheal/types";
import { useAutohealStatus } from "@/lib/queries/use-autoheal-status";
import { AutohealPolicyButtons } from "./autoheal-policy-buttons";

/** One line on the container page: whether auto-heal covers this container, why, and what it will do next. */
export function AutohealStatusLine({
  hostId,
  name,
  project,
}: {
  hostId: string;
  name: string;
  project: string | null;
}) {
  const { data } = useAutohealStatus(hostId, name);
  if (!data) return null;
  const { status } = data;
  return (
    <p
      data-testid="autoheal-status"
      data-state={status.state}
      className="flex flex-wrap items-center gap-2 text-sm text-slate-600 dark:text-slate-300"
    >
      <Badge tone={tones[status.state]}>auto-heal {status.state === "off" ? "off" : "on"}</Badge>
      <span>{describe(status)}</span>
      <Can role="operator">
        <AutohealPolicyButtons status={status} project={project} />
      </Can>
    </p>
  );
}

const tones = { off: "gray", watching: "green", waiting: "amber", "gave-up": "red" } as const;

function describe(status: AutohealStatus): string {
  if (!status.policy) return "not opted in (label wharf.autoheal=true, or a policy for its host or project)";
  const source =
    status.policy.source === "label"
      ? `label ${status.policy.label}`
      : `policy for ${describePolicy(status.policy.policy)}`;
  const tries = `${status.tries.length} of ${status.maxTries} tries in the last 30 minutes`;
  switch (status.state) {
    case "waiting":
      // The page's clock ticks every 30 s: a countdown would lie, a time of day does not.
      return `${source} · will ${status.nextAction} it at ${formatUtc(status.nextTryAt!)} · ${tries}`;
    case "gave-up":
      return `${source} · gave up after ${tries}: it needs a person`;
    default:
      return `${source} · ${tries}`;
  }
}
