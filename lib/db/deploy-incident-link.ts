import "server-only";

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

/**
 * A column of `SELECT … FROM incidents` (or its RETURNING): the latest deploy of the incident's container in the
 * 30 minutes before it opened, as JSON, or null. `latest` says whether it is still the deploy a rollback would
 * undo. Uses deploy_history_by_container: one short index walk per incident.
 */
export const incidentDeployColumn = `(
  SELECT json_object('historyId', d.id, 'at', d.at, 'actor', d.actor, 'source', d.source, 'action', d.action,
    'imageRefBefore', d.image_ref_before, 'imageRef', d.image_ref,
    'digestBefore', d.digest_before, 'digestAfter', d.digest_after,
    'versionBefore', json_extract(d.provenance_before, '$.version'),
    'versionAfter', json_extract(d.provenance_after, '$.version'),
    'latest', NOT EXISTS (SELECT 1 FROM deploy_history l
      WHERE ${sameTarget("l", "d")} AND ${isDeploy("l")} AND (l.at, l.id) > (d.at, d.id)))
  FROM deploy_history d
  WHERE incidents.target = 'container' AND ${sameTarget("d", "incidents")} AND ${isDeploy("d")}
    AND d.at <= incidents.opened_at AND d.at >= ${shifted("incidents.opened_at", -DEPLOY_LINK_MINUTES)}
  ORDER BY d.at DESC, d.id DESC LIMIT 1) AS deploy`;
