import type { IncidentDeploy, IncidentTarget } from "@/lib/fleet/incident-types";

const side = (reference: string | null, digest: string | null, version: string | null) => {
  const facts = [digest && digest.replace(/^sha256:/, "").slice(0, 12), version].filter(Boolean).join(", ");
  return `${reference ?? "(reference not recorded)"}${facts ? ` (${facts})` : ""}`;
};

/** One line naming the deploy an incident followed: who, when, from → to. A service's version is its spec's. */
export function describeDeploy(deploy: IncidentDeploy, target: IncidentTarget = "container"): string {
  const who = deploy.source === "external" ? "outside Wharf" : `by ${deploy.actor}`;
  const version = (v: string | null) => (v && target === "service" ? `spec ${v}` : v);
  return (
    `Opened within 30 minutes of a ${deploy.action} ${who} at ${deploy.at}: ` +
    `${side(deploy.imageRefBefore, deploy.digestBefore, version(deploy.versionBefore))} → ` +
    `${side(deploy.imageRef, deploy.digestAfter, version(deploy.versionAfter))}`
  );
}
