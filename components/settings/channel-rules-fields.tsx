"use client";
import { TextField } from "@/components/ui/text-field";
import { alertEvents, type AlertEvent, type ChannelRules } from "@/lib/alerts/types";

export type RulesDraft = {
  events: AlertEvent[];
  hostIds: string;
  composeProject: string;
  containerGlob: string;
  label: string;
};

export const defaultRules: RulesDraft = {
  events: ["incident.opened", "incident.ended", "deploy.failed", "host.down", "autoheal.gave-up"],
  hostIds: "",
  composeProject: "",
  containerGlob: "",
  label: "",
};

export function toRules(d: RulesDraft): ChannelRules {
  return {
    events: d.events,
    hostIds: d.hostIds
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    composeProject: d.composeProject.trim() || null,
    containerGlob: d.containerGlob.trim() || null,
    label: d.label.trim() || null,
  };
}

/** Which events, and where: every filter left empty means "all". */
export function ChannelRulesFields({
  value,
  onChange,
}: {
  value: RulesDraft;
  onChange: (next: RulesDraft) => void;
}) {
  const toggle = (event: AlertEvent, on: boolean) =>
    onChange({ ...value, events: on ? [...value.events, event] : value.events.filter((e) => e !== event) });
  const set = (field: Exclude<keyof RulesDraft, "events">) => (e: { target: { value: string } }) =>
    onChange({ ...value, [field]: e.target.value });
  return (
    <div className="space-y-2">
      <fieldset className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <legend className="mb-1 text-xs font-medium text-slate-600 dark:text-slate-300">Events</legend>
        {alertEvents.map((event) => (
          <label key={event} className="flex items-center gap-1.5">
            <input
              type="checkbox"
              checked={value.events.includes(event)}
              onChange={(e) => toggle(event, e.target.checked)}
            />
            <code className="font-mono text-xs">{event}</code>
          </label>
        ))}
      </fieldset>
      <div className="flex flex-wrap items-end gap-3">
        <TextField
          label="Hosts (ids, comma-separated)"
          placeholder="all"
          value={value.hostIds}
          onChange={set("hostIds")}
        />
        <TextField
          label="Compose project"
          placeholder="any"
          value={value.composeProject}
          onChange={set("composeProject")}
        />
        <TextField
          label="Container name pattern"
          placeholder="shop-*"
          value={value.containerGlob}
          onChange={set("containerGlob")}
        />
        <TextField
          label="Label (key or key=value)"
          placeholder="tier=front"
          value={value.label}
          onChange={set("label")}
        />
      </div>
    </div>
  );
}
