import { Badge } from "@/components/ui/badge";
import type { Outcome } from "@/lib/history/types";
import { outcomeLooks } from "./outcome-look";

/** An action's outcome; `null` is an action still running. */
export function OutcomeBadge({ outcome }: { outcome: Outcome | null }) {
  const look = outcomeLooks[outcome ?? "running"];
  return (
    <Badge tone={look.tone} title={`Outcome: ${outcome ?? "still running"}`}>
      <span aria-hidden>{look.icon}</span>
      {look.label}
    </Badge>
  );
}
