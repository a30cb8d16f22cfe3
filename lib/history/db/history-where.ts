import "server-only";
import {
  expressionBuilder,
  sql,
  type Expression,
  type Kysely,
  type SelectQueryBuilder,
  type SqlBool,
} from "kysely";
import type { Access } from "@/lib/core/access-rule";
import type { HistoryFilter } from "@/lib/history/types";
import { demoted, literal } from "@/lib/db/planner-hints";
import type { HistoryCursor } from "./history-cursor";
import { historyScope } from "./history-scope";
import type { DeployHistoryTable, HistoryTables } from "./history-table";

/** A filter and, for a scoped caller, its grants: only the rows they cover (./history-scope.ts). */
export type ScopedHistoryFilter = HistoryFilter & { access?: Access };

/**
 * The conditions shared by the list, the CSV export and the chart, written so that SQLite walks one of the
 * (…, at DESC, id DESC) indexes and stops after a page. One filter leads; the others are checked on the rows
 * it finds (lib/db/planner-hints.ts), because without statistics SQLite rates every one-column equality alike and has been
 * seen to walk a fifth of the table when a container index would find the rows at once. Actions still running
 * are a handful at any time, so that filter leads when given; otherwise host, container or actor do, then a rare
 * outcome, then a rare action, then the time range. Outcomes and actions are spelled out as literals (from the
 * filter's checked lists): SQLite uses a partial index (migration 3 indexes only the rare outcomes and actions)
 * only for a query that names a value the index covers. PostgreSQL plans them all by its statistics.
 */
export function historyWhere(
  db: Kysely<HistoryTables>,
  filter: ScopedHistoryFilter,
  cursor?: HistoryCursor,
): Expression<SqlBool>[] {
  const eb = expressionBuilder<HistoryTables, "deploy_history">();
  const conditions: Expression<SqlBool>[] = [];
  const column = (name: keyof DeployHistoryTable, leads: boolean) =>
    leads ? sql.ref(name) : demoted(db, name);
  const running = filter.outcome === "running";
  const narrow =
    !running &&
    (filter.hostId !== undefined || filter.containerName !== undefined || filter.actor !== undefined);
  const rareOutcome = filter.outcome !== undefined && filter.outcome !== "succeeded";

  if (filter.hostId !== undefined) conditions.push(eb(column("host_id", !running), "=", filter.hostId));
  if (filter.containerName !== undefined)
    conditions.push(eb(column("container_name", !running), "=", filter.containerName));
  if (filter.actor !== undefined) conditions.push(eb(column("actor", !running), "=", filter.actor));
  if (filter.outcome !== undefined) {
    const outcome = column("outcome", !narrow);
    conditions.push(running ? eb(outcome, "is", null) : eb(outcome, "=", literal(filter.outcome)));
  }
  if (filter.action !== undefined)
    conditions.push(eb(column("action", !narrow && !rareOutcome), "=", literal(filter.action)));
  // Checked on the rows the leading filter finds: neither narrows enough to lead (deploys are a fraction of a
  // history, external removes a fraction of most).
  if (filter.deploys === "only")
    conditions.push(eb(demoted(db, "action"), "in", [literal("redeploy"), literal("rollback")]));
  if (filter.externalRemoves === "hide")
    conditions.push(
      eb.not(
        eb.and([
          eb(demoted(db, "source"), "=", literal("external")),
          eb(demoted(db, "action"), "=", literal("remove")),
        ]),
      ),
    );
  const scope = filter.access ? historyScope(db, filter.access) : null;
  if (scope !== null) conditions.push(scope);
  if (filter.from !== undefined) conditions.push(eb("at", ">=", filter.from));
  // Only the tighter of the two upper bounds goes in: SQLite bounds the index walk by one of them and would
  // check the other row by row, which on a deep page means walking every row above the cursor again.
  if (cursor && (filter.to === undefined || cursor.at < filter.to))
    conditions.push(eb(eb.refTuple("at", "id"), "<", eb.tuple(cursor.at, cursor.id)));
  else if (filter.to !== undefined) conditions.push(eb("at", "<", filter.to));
  return conditions;
}

/** Adds each condition to the query (none: no WHERE at all). */
export function whereAll<O>(
  query: SelectQueryBuilder<HistoryTables, "deploy_history", O>,
  conditions: Expression<SqlBool>[],
): SelectQueryBuilder<HistoryTables, "deploy_history", O> {
  return conditions.reduce((next, condition) => next.where(condition), query);
}
