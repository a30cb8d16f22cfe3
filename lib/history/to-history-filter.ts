import "server-only";
import { reachesHost, type Access } from "@/lib/core/access-rule";
import { WharfError } from "@/lib/core/errors";
import { findHost } from "@/lib/docker/load-fleet";
import { withoutEmpty } from "./history-search-params";
import type { HistoryFilterQuery } from "./schemas";
import type { ScopedHistoryFilter } from "./db/history-where";

/**
 * The query's names (as in the URL) to the filter's; an unknown host is a 404 naming it, not an empty list, and
 * so is one a scoped caller (`access`) reaches none of.
 */
export function toHistoryFilter(query: HistoryFilterQuery, access?: Access): ScopedHistoryFilter {
  if (query.host !== undefined) findHost(query.host);
  if (query.host !== undefined && access && !reachesHost(access, query.host))
    throw new WharfError("NOT_FOUND", `Host "${query.host}" is not in the fleet`);
  const filter = withoutEmpty({
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
  return access ? { ...filter, access } : filter;
}
