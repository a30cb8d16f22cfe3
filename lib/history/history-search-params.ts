import {
  historyActions,
  historyOutcomes,
  type HistoryAction,
  type HistoryFilter,
  type HistoryOutcome,
} from "./types";

/** Filter field → URL parameter. The page and the API use the same names, so a view's API calls are its own query. */
const parameterOf = {
  hostId: "host",
  containerName: "container",
  actor: "actor",
  action: "action",
  outcome: "outcome",
  from: "from",
  to: "to",
  deploys: "deploys",
  externalRemoves: "externalRemoves",
} as const satisfies Record<keyof HistoryFilter, string>;

const isOneOf = <T extends string>(list: readonly T[], value: string | undefined): value is T =>
  value !== undefined && (list as readonly string[]).includes(value);

/**
 * The page's filters from its URL. An unknown action or outcome is dropped (the select could not show it);
 * other values are passed on as typed, and the API names whatever is wrong with them.
 */
export function parseHistoryFilter(params: URLSearchParams): HistoryFilter {
  const read = (field: keyof HistoryFilter) => params.get(parameterOf[field])?.trim() || undefined;
  const action = read("action");
  const outcome = read("outcome");
  const removes = read("externalRemoves");
  const filter: HistoryFilter = {
    hostId: read("hostId"),
    containerName: read("containerName"),
    actor: read("actor"),
    action: isOneOf<HistoryAction>(historyActions, action) ? action : undefined,
    outcome: isOneOf<HistoryOutcome>(historyOutcomes, outcome) ? outcome : undefined,
    from: read("from"),
    to: read("to"),
    deploys: read("deploys") === "only" ? "only" : undefined,
    externalRemoves: removes === "hide" || removes === "show" ? removes : undefined,
  };
  return withoutEmpty(filter);
}

/**
 * The history page's view of its URL: removes made outside Wharf are hidden unless asked for (or the action
 * asked for is `remove`), so a CI host's churn does not bury the deploys. The API keeps every row by default.
 */
export function withPageDefaults(filter: HistoryFilter): HistoryFilter {
  if (filter.externalRemoves !== undefined || filter.action === "remove") return filter;
  return { ...filter, externalRemoves: "hide" };
}

/** The page's own URL for a view: what differs from the page's defaults. */
export function pageQueryString(filter: HistoryFilter): string {
  const { externalRemoves, ...rest } = filter;
  const shown = withPageDefaults(rest).externalRemoves === externalRemoves ? rest : filter;
  return historyQueryString(withoutEmpty(shown));
}

/** The query string of a filter (plus a page's or the chart's own parameters), only what is set. */
export function historyQueryString(
  filter: HistoryFilter & { limit?: number; cursor?: string; days?: number },
): string {
  const params = new URLSearchParams();
  for (const [field, name] of Object.entries(parameterOf)) {
    const value = filter[field as keyof HistoryFilter];
    if (value) params.set(name, value);
  }
  if (filter.limit !== undefined) params.set("limit", String(filter.limit));
  if (filter.cursor) params.set("cursor", filter.cursor);
  if (filter.days !== undefined) params.set("days", String(filter.days));
  return params.toString();
}

/** Unset fields left out rather than undefined, so equal filters make equal query keys. */
export function withoutEmpty(filter: HistoryFilter): HistoryFilter {
  return Object.fromEntries(
    Object.entries(filter).filter(([, value]) => value !== undefined && value !== ""),
  ) as HistoryFilter;
}
