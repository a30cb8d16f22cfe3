import { swarmServiceOf } from "@/lib/fleet/swarm-task";
import type { ContainerRow } from "@/lib/fleet/types";
import { AUTOHEAL_LABELS, type AutohealPolicy, type PolicyInForce } from "./types";

const PROJECT_LABEL = "com.docker.compose.project";

/**
 * The auto-heal policy in force for a container, or null (off, the default). `wharf.autoheal=false` opts a
 * container out whatever else says; `wharf.autoheal=true` (or docker-autoheal's `autoheal=true`, so teams can
 * switch without relabelling) opts it in; otherwise the most specific policy that covers it: its compose
 * project on its host, its project on every host, then its host. A policy's grace period also applies to the
 * labelled containers it covers. A swarm task's container is never covered: the swarm heals its own tasks.
 */
export function resolvePolicy(
  row: Pick<ContainerRow, "hostId" | "labels">,
  policies: readonly AutohealPolicy[],
  defaultGraceMs: number,
): PolicyInForce | null {
  if (row.labels["wharf.autoheal"]?.toLowerCase() === "false" || swarmServiceOf(row.labels) !== null)
    return null;
  const project = row.labels[PROJECT_LABEL] ?? null;
  const matching = policies.filter(
    (p) => (p.hostId === null || p.hostId === row.hostId) && (p.project === null || p.project === project),
  );
  const policy = matching.sort((a, b) => specificity(b) - specificity(a))[0];
  const graceMs = policy?.graceSeconds != null ? policy.graceSeconds * 1000 : defaultGraceMs;
  const label = AUTOHEAL_LABELS.find((name) => row.labels[name]?.toLowerCase() === "true");
  if (label) return { source: "label", label: `${label}=true`, graceMs };
  return policy ? { source: "policy", policy, graceMs } : null;
}

function specificity(policy: AutohealPolicy): number {
  return (policy.project !== null ? 2 : 0) + (policy.hostId !== null ? 1 : 0);
}
