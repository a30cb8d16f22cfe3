import "server-only";
import type { Migration } from "./migration";

export const migration11: Migration = {
  version: 11,
  // Provenance and delivery insights (issue 14). A history row keeps the compose project and service of its
  // container and what the images before and after said of themselves (OCI labels, digest, as JSON), so it
  // stays true after the image is gone. Insights read a period's redeploys: the partial index holds only those,
  // so a month of a busy history is not a walk over every start, stop and restart of that month; incidents
  // are read by time through incidents_newest. `steps`: the phases an action went through, with
  // their times (pulling, creating, checking it holds, rolling back), shown when a row is opened.
  sql: `
      ALTER TABLE deploy_history ADD COLUMN project TEXT;
      ALTER TABLE deploy_history ADD COLUMN service TEXT;
      ALTER TABLE deploy_history ADD COLUMN provenance_before TEXT
        CHECK (provenance_before IS NULL OR json_valid(provenance_before));
      ALTER TABLE deploy_history ADD COLUMN provenance_after TEXT
        CHECK (provenance_after IS NULL OR json_valid(provenance_after));
      ALTER TABLE deploy_history ADD COLUMN steps TEXT NOT NULL DEFAULT '[]'
        CHECK (json_valid(steps) AND json_type(steps) = 'array');
      CREATE INDEX deploy_history_deploys ON deploy_history (at, id) WHERE action = 'redeploy';
    `,
};
