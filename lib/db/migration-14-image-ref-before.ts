import "server-only";
import type { Migration } from "./migration";

export const migration14: Migration = {
  version: 14,
  // A history row names the reference it went to (`image_ref`) and, now, the one it left: a deploy hook's
  // redeploy onto a new tag showed its old reference as if it were the new one. Wharf's own rows before this
  // recorded the reference they began with in image_ref, so that is what they left; the reference a hook sent
  // them to was never recorded and is not guessed. External rows never knew the reference before.
  // A deploy's row lists the incidents that opened in the 30 minutes after it (lib/db/deploy-incident-link.ts):
  // incidents_open_by_container holds open ones only, so ended incidents get their own index by container.
  sql: `
      ALTER TABLE deploy_history ADD COLUMN image_ref_before TEXT;
      UPDATE deploy_history SET image_ref_before = image_ref WHERE source != 'external';
      CREATE INDEX incidents_by_container ON incidents (host_id, container_name, opened_at);
    `,
  postgres: `
      ALTER TABLE deploy_history ADD COLUMN image_ref_before TEXT;
      UPDATE deploy_history SET image_ref_before = image_ref WHERE source != 'external';
      CREATE INDEX incidents_by_container ON incidents (host_id, container_name, opened_at);
    `,
};
