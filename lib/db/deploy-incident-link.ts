import "server-only";
import { sql, type RawBuilder } from "kysely";
import type { Dialect } from "./dialect";

/**
 * An incident that opens this soon after a deploy of its container is shown with that deploy, and the deploy's
 * history row with it. The link is computed when either is read, never stored: both rows already hold what it
 * takes (host, container, times), a deploy's outcome settles after an early crash may have opened, and the
 * incidents and history written before this feature link up as well.
 */
export const DEPLOY_LINK_MINUTES = 30;

// A deploy that moved the container to another image, as findRollbackSource (lib/history/db/find-rollback-source.ts)
// defines what a rollback reverts. History's side of the link (a deploy's incidents) is
// lib/history/db/link-deploy-incidents.ts.
const isDeploy = (d: string) =>
  `${d}.action IN ('redeploy', 'rollback') AND ${d}.outcome = 'succeeded'
   AND ${d}.image_id_before IS NOT NULL AND ${d}.image_id_before != ${d}.image_id_after`;

const sameTarget = (a: string, b: string) =>
  `${a}.host_id = ${b}.host_id AND ${a}.container_name = ${b}.container_name`;

// ISO text as history and incidents store it (toISOString), so the bounds compare as the columns do.
const shifted = (column: string, minutes: number) =>
  `strftime('%Y-%m-%dT%H:%M:%fZ', ${column}, '${minutes > 0 ? "+" : ""}${minutes} minutes')`;
const shiftedOnPostgres = (column: string, minutes: number) =>
  `to_char((${column}::timestamptz + interval '${minutes} minutes') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const containerDeployLink = (dialect: Dialect) => {
  const postgres = dialect === "postgres";
  const version = (column: string) =>
    postgres ? `(${column}::json ->> 'version')` : `json_extract(${column}, '$.version')`;
  const since = (postgres ? shiftedOnPostgres : shifted)("incidents.opened_at", -DEPLOY_LINK_MINUTES);
  // PostgreSQL's json would reach the row already parsed: as text it reads the same on both.
  return `(
  SELECT ${postgres ? "json_build_object" : "json_object"}('historyId', d.id, 'at', d.at, 'actor', d.actor,
    'source', d.source, 'action', d.action, 'imageRefBefore', d.image_ref_before, 'imageRef', d.image_ref,
    'digestBefore', d.digest_before, 'digestAfter', d.digest_after,
    'versionBefore', ${version("d.provenance_before")}, 'versionAfter', ${version("d.provenance_after")},
    'latest', NOT EXISTS (SELECT 1 FROM deploy_history l
      WHERE ${sameTarget("l", "d")} AND ${isDeploy("l")} AND (l.at, l.id) > (d.at, d.id)))${postgres ? "::text" : ""}
  FROM deploy_history d
  WHERE incidents.target = 'container' AND ${sameTarget("d", "incidents")} AND ${isDeploy("d")}
    AND d.at <= incidents.opened_at AND d.at >= ${since}
  ORDER BY d.at DESC, d.id DESC LIMIT 1)`;
};

// A service's redeploy or rollback that settled on another image (a rolled-back update left the old one running).
const isServiceDeploy = (d: string) =>
  `${d}.action IN ('redeploy', 'rollback') AND ${d}.outcome = 'succeeded'
   AND (${d}.digest_before IS DISTINCT FROM ${d}.digest_after OR ${d}.image_before IS DISTINCT FROM ${d}.image_after)`;

const sameService = (a: string, b: string) =>
  `${a}.host_id = ${b}.host_id AND ${a}.service_name = ${b}.service_name`;

// The swarm's rollback returns to the spec before the last change of any kind (PreviousSpec): a later scale,
// restart, outside update, rolled-back or unsettled action means it would no longer undo this deploy. Only a
// no-change redeploy leaves the spec alone.
const serviceDeployLink = (dialect: Dialect) => {
  const postgres = dialect === "postgres";
  const since = (postgres ? shiftedOnPostgres : shifted)("incidents.opened_at", -DEPLOY_LINK_MINUTES);
  // A service's version is its spec's (Version.Index), not an image label.
  return `(
  SELECT ${postgres ? "json_build_object" : "json_object"}('historyId', d.id, 'at', d.at, 'actor', d.actor,
    'source', d.source, 'action', d.action, 'imageRefBefore', d.image_before, 'imageRef', d.image_after,
    'digestBefore', d.digest_before, 'digestAfter', d.digest_after,
    'versionBefore', CAST(d.version_before AS TEXT), 'versionAfter', CAST(d.version_after AS TEXT),
    'latest', NOT EXISTS (SELECT 1 FROM service_history l
      WHERE ${sameService("l", "d")} AND (l.outcome IS NULL OR l.outcome != 'no-change')
        AND (l.at, l.id) > (d.at, d.id)))${postgres ? "::text" : ""}
  FROM service_history d
  WHERE d.host_id = incidents.host_id AND d.service_name = incidents.container_name AND ${isServiceDeploy("d")}
    AND d.at <= incidents.opened_at AND d.at >= ${since}
  ORDER BY d.at DESC, d.id DESC LIMIT 1)`;
};

const deployLink = (dialect: Dialect) =>
  `CASE incidents.target WHEN 'service' THEN ${serviceDeployLink(dialect)} ELSE ${containerDeployLink(dialect)} END`;
const deployLinks = { sqlite: deployLink("sqlite"), postgres: deployLink("postgres") };

/**
 * A column of `SELECT … FROM incidents` (or its RETURNING): the latest deploy of the incident's container (or
 * service, from service_history) in the 30 minutes before it opened, as JSON text, or null. `latest` says whether it is still the deploy a rollback
 * would undo. Uses deploy_history_by_container (service_history_by_service): one short index walk per incident.
 * History owns deploy_history and services service_history: incidents read them only through this read-only column, which both dialects spell (lib/incidents/db).
 */
export function incidentDeployColumn(dialect: Dialect): RawBuilder<string | null> {
  return sql<string | null>`${sql.raw(deployLinks[dialect])}`;
}
