import Link from "next/link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ProjectState, ProjectSummary } from "@/lib/fleet/group-by-project";

const looks: Record<ProjectState, { tone: BadgeTone; label: string }> = {
  attention: { tone: "red", label: "needs attention" },
  running: { tone: "green", label: "running" },
  partial: { tone: "amber", label: "partly running" },
  stopped: { tone: "gray", label: "stopped" },
};

/** A compose project's header row: folds its containers, says how the project as a whole is doing. */
export function ProjectHeader({
  summary,
  collapsed,
  onToggle,
}: {
  summary: ProjectSummary;
  collapsed: boolean;
  onToggle: () => void;
}) {
  const look = looks[summary.state];
  const name = summary.project ?? "No compose project";
  return (
    <div
      role="row"
      data-testid="project-group"
      data-project={summary.project ?? ""}
      data-state={summary.state}
      data-collapsed={collapsed ? "1" : "0"}
      className="flex min-h-10 flex-wrap items-center gap-x-3 gap-y-1 border-b border-slate-200 bg-slate-50 px-3 py-1.5 text-sm dark:border-slate-800 dark:bg-slate-800/50"
    >
      <button
        type="button"
        aria-expanded={!collapsed}
        onClick={onToggle}
        className="flex min-w-0 items-center gap-2 font-semibold hover:underline"
      >
        <span aria-hidden className="w-3 text-slate-500">
          {collapsed ? "▸" : "▾"}
        </span>
        <span className="truncate">{name}</span>
      </button>
      <Badge tone={look.tone}>
        <span data-testid="project-state">{look.label}</span>
      </Badge>
      <span data-testid="project-counts" className="text-xs text-slate-500 dark:text-slate-400">
        {summary.running} of {summary.total} running
        {summary.attention > 0 &&
          `, ${summary.attention} need${summary.attention === 1 ? "s" : ""} attention`}{" "}
        · on {summary.hosts.join(", ")}
      </span>
      {summary.project && (
        <Link
          href={`/projects/${encodeURIComponent(summary.project)}/logs`}
          className="ml-auto text-xs text-sky-700 hover:underline dark:text-sky-400"
        >
          Merged log
        </Link>
      )}
    </div>
  );
}
