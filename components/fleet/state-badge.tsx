import { Badge, type BadgeTone } from "@/components/ui/badge";
import { lastExitCode } from "@/lib/fleet/needs-attention";
import type { ContainerRow } from "@/lib/fleet/types";

type Look = { tone: BadgeTone; label: string; icon: string };

/** Colour and words both carry the state, so it reads the same for colour-blind users and in dark mode. */
type BadgeRow = Pick<ContainerRow, "state" | "health" | "exitCode" | "oomKilled" | "attention" | "lastExit"> &
  Partial<Pick<ContainerRow, "exitCause">>;

export function stateLook(row: BadgeRow): Look {
  // The server's verdict wins over the state of the instant: a looping container is never shown green.
  if (row.attention === "restart-loop") {
    const why = row.lastExit?.oom ? "OOM" : `exit ${lastExitCode(row)}`;
    return { tone: "purple", label: `restart loop (${why})`, icon: "↻" };
  }
  switch (row.state) {
    case "running":
      if (row.health === "unhealthy") return { tone: "orange", label: "unhealthy", icon: "✚" };
      if (row.health === "starting") return { tone: "blue", label: "starting", icon: "◔" };
      return { tone: "green", label: row.health === "healthy" ? "healthy" : "running", icon: "●" };
    case "restarting":
      return { tone: "purple", label: "restarting", icon: "↻" };
    case "paused":
      return { tone: "amber", label: "paused", icon: "❚❚" };
    case "exited":
      if (row.oomKilled) return { tone: "red", label: "OOM killed", icon: "✖" };
      if (row.attention === null && row.exitCause === "stopped")
        return { tone: "gray", label: `stopped (${row.exitCode})`, icon: "■" };
      if (row.attention === null && row.exitCause === "killed")
        return { tone: "amber", label: `killed (${row.exitCode})`, icon: "■" };
      return row.exitCode === 0
        ? { tone: "gray", label: "exited", icon: "■" }
        : { tone: "red", label: `exited (${row.exitCode})`, icon: "✖" };
    case "dead":
      return { tone: "red", label: "dead", icon: "☠" };
    case "created":
      return { tone: "gray", label: "created", icon: "○" };
    case "removing":
      return { tone: "gray", label: "removing", icon: "…" };
  }
}

export function StateBadge({ row }: { row: BadgeRow }) {
  const look = stateLook(row);
  return (
    <Badge
      tone={look.tone}
      title={`Docker state: ${row.state}${row.health ? `, health: ${row.health}` : ""}`}
    >
      <span aria-hidden>{look.icon}</span>
      <span data-testid="state-label">{look.label}</span>
    </Badge>
  );
}
