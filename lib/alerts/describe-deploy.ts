import type { IncidentDeploy } from "@/lib/fleet/incident-types";

const side = (reference: string | null, digest: string | null, version: string | null) => {
  const facts = [digest && digest.replace(/^sha256:/, "").slice(0, 12), version].filter(Boolean).join(", ");
  return `${reference ?? "(reference not recorded)"}${facts ? ` (${facts})` : ""}`;
};

/** One line naming the deploy an incident followed: who, when, from → to. */
export function describeDeploy(deploy: IncidentDeploy): string {
  const who = deploy.source === "external" ? "outside Wharf" : `by ${deploy.actor}`;
  return (
    `Opened within 30 minutes of a ${deploy.action} ${who} at ${deploy.at}: ` +
    `${side(deploy.imageRefBefore, deploy.digestBefore, deploy.versionBefore)} → ` +
    `${side(deploy.imageRef, deploy.digestAfter, deploy.versionAfter)}`
  );
}
