import "server-only";
import { expressionBuilder, sql, type Expression, type Kysely, type SqlBool } from "kysely";
import { seesEverything, type Access, type Grant } from "@/lib/core/access-rule";
import { dialectOf } from "@/lib/db/dialect";
import type { HistoryTables } from "./history-table";

/**
 * The rows a scoped caller may see, as SQL (lib/core/access-rule in the database's words), so pages, the CSV
 * and the chart's counts are of its rows alone rather than cut after the fact. Null when it sees everything.
 */
export function historyScope(db: Kysely<HistoryTables>, access: Access): Expression<SqlBool> | null {
  if (seesEverything(access)) return null;
  const eb = expressionBuilder<HistoryTables, "deploy_history">();
  const sqlite = dialectOf(db) === "sqlite";
  const never = sql<SqlBool>`1 = 0`;
  const glob = (pattern: string) =>
    // Names and globs hold no [ ] % (lib/auth/scope-schema): GLOB takes the glob as it is (and, unlike LIKE on
    // SQLite, minds case); PostgreSQL's LIKE needs * and ? spelled % and _, with a literal _ escaped.
    sqlite
      ? sql<SqlBool>`container_name GLOB ${pattern}`
      : sql<SqlBool>`container_name LIKE ${pattern.replace(/_/g, "\\_").replace(/\*/g, "%").replace(/\?/g, "_")}`;
  const grantWhere = ({ scope }: Grant): Expression<SqlBool> => {
    if (scope === null) return sql<SqlBool>`1 = 1`;
    const all: Expression<SqlBool>[] = [];
    if (scope.hosts) all.push(eb("host_id", "in", scope.hosts));
    if (scope.projects) all.push(eb("project", "in", scope.projects));
    if (scope.names) all.push(eb.or(scope.names.map(glob)));
    // The history's `service` is a compose service; a swarm service's actions are in service_history, read
    // through the service itself (its route checks it), so a grant on swarm services covers no row here.
    if (scope.services) all.push(never);
    return eb.and(all);
  };
  const anyOf = (grants: Grant[]) => (grants.length === 0 ? never : eb.or(grants.map(grantWhere)));
  return access.cap === null ? anyOf(access.grants) : eb.and([anyOf(access.grants), anyOf(access.cap)]);
}
