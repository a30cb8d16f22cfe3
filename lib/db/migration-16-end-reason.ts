import "server-only";
import type { Migration } from "./migration";

export const migration16: Migration = {
  version: 16,
  // How an incident ended (issue 22.6): the target ran again (`recovered`), was removed (`removed`), or a redeploy
  // put another container in its place (`replaced`). Only recoveries count for time to restore. Incidents that
  // ended before this keep NULL: nobody recorded why.
  sql: `
      ALTER TABLE incidents ADD COLUMN end_reason TEXT
        CHECK (end_reason IS NULL OR end_reason IN ('recovered', 'removed', 'replaced'));
    `,
  postgres: `
      ALTER TABLE incidents ADD COLUMN end_reason TEXT
        CHECK (end_reason IS NULL OR end_reason IN ('recovered', 'removed', 'replaced'));
    `,
};
