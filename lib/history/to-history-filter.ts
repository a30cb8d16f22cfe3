import "server-only";
import { findHost } from "@/lib/docker/load-fleet";
import { withoutEmpty } from "./history-search-params";
import type { HistoryFilterQuery } from "./schemas";
import type { HistoryFilter } from "./types";

/** The query's names (as in the URL) to the filter's; an unknown host is a 404 naming it, not an empty list. */
export function toHistoryFilter(query: HistoryFilterQuery): HistoryFilter {
  if (query.host !== undefined) findHost(query.host);
  return withoutEmpty({
    hostId: query.host,
    containerName: query.container,
    actor: query.actor,
    action: query.action,
    outcome: query.outcome,
    from: query.from,
    to: query.to,
    deploys: query.deploys,
    externalRemoves: query.externalRemoves,
  });
}
