import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { Incident } from "@/lib/fleet/incident-types";

type Look = { tone: BadgeTone; label: string; icon: string };

// Same tones and icons as the fleet's state badge, so a crash reads alike on the table and here.
function kindLook(incident: Pick<Incident, "kind" | "exitCode" | "count" | "oom">): Look {
  switch (incident.kind) {
    case "exit":
      return {
        tone: "red",
        label: incident.exitCode === null ? "exited" : `exited (${incident.exitCode})`,
        icon: "✖",
      };
    case "oom":
      return { tone: "red", label: "OOM killed", icon: "✖" };
    case "restart-loop":
      return {
        tone: "purple",
        label: `restart loop ×${incident.count} (${incident.oom ? "OOM" : `exit ${incident.exitCode ?? "?"}`})`,
        icon: "↻",
      };
    case "unhealthy":
      return { tone: "orange", label: "unhealthy", icon: "✚" };
    case "dead":
      return { tone: "red", label: "dead", icon: "☠" };
    case "task-failed":
      return { tone: "red", label: `task failed ×${incident.count}`, icon: "✖" };
    case "short":
      return { tone: "orange", label: "short of replicas", icon: "◔" };
  }
}

export function IncidentKindBadge({
  incident,
}: {
  incident: Pick<Incident, "kind" | "exitCode" | "count" | "oom">;
}) {
  const look = kindLook(incident);
  return (
    <Badge tone={look.tone} title={`Incident kind: ${incident.kind}`}>
      <span aria-hidden>{look.icon}</span>
      <span data-testid="incident-kind">{look.label}</span>
    </Badge>
  );
}
