import type { AlertEvent, ChannelRules } from "./types";

/** Where an event happened, as far as rules can tell. Host events have no container. */
export type EventScope = {
  hostId: string;
  containerName: string | null;
  composeProject: string | null;
  labels: Record<string, string>;
};

/** `*` any run of characters, `?` one; everything else literal; the whole name must match. */
export function globToRegExp(glob: string): RegExp {
  const body = glob
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${body}$`);
}

/**
 * Whether a channel wants an event. Host filters apply to every event; container filters (project, name,
 * label) only to events about a container: a host going down concerns every container on it.
 */
export function matchesRules(rules: ChannelRules, event: AlertEvent, scope: EventScope): boolean {
  if (!rules.events.includes(event)) return false;
  if (rules.hostIds.length > 0 && !rules.hostIds.includes(scope.hostId)) return false;
  if (scope.containerName === null) return true;
  if (rules.composeProject !== null && scope.composeProject !== rules.composeProject) return false;
  if (rules.containerGlob !== null && !globToRegExp(rules.containerGlob).test(scope.containerName))
    return false;
  if (rules.label !== null) {
    const at = rules.label.indexOf("=");
    const key = at === -1 ? rules.label : rules.label.slice(0, at);
    if (!(key in scope.labels)) return false;
    if (at !== -1 && scope.labels[key] !== rules.label.slice(at + 1)) return false;
  }
  return true;
}
