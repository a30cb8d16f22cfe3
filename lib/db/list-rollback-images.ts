import "server-only";
import { cachedStatement } from "./cached-statement";
import type { Db } from "./db";

/**
 * The images a rollback would return to on a host: for each container, the image before its newest successful
 * redeploy or rollback (as findLastDeploy reads it). A prune keeps these.
 */
export function listRollbackImages(db: Db, hostId: string): { containerName: string; imageId: string }[] {
  return cachedStatement(
    db,
    `SELECT container_name AS containerName, image_id_before AS imageId FROM (
       SELECT container_name, image_id_before, ROW_NUMBER() OVER (
         PARTITION BY container_name ORDER BY at DESC, id DESC) AS newest
       FROM deploy_history
       WHERE host_id = ? AND action IN ('redeploy', 'rollback') AND outcome = 'succeeded'
         AND image_id_before IS NOT NULL AND image_id_before != image_id_after
     ) WHERE newest = 1`,
  ).all(hostId) as { containerName: string; imageId: string }[];
}
