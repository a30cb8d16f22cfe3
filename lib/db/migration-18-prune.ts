import "server-only";
import type { DatabaseSync } from "node:sqlite";
import type { Migration } from "./migration";
import { pluck } from "./sqlite-statements";

const OLD_ACTIONS =
  "CHECK (action IN ('start', 'stop', 'restart', 'redeploy', 'rollback', 'kill', 'pause', 'unpause', 'remove'))";
const NEW_ACTIONS =
  "CHECK (action IN ('start', 'stop', 'restart', 'redeploy', 'rollback', 'kill', 'pause', 'unpause', 'remove', 'prune'))";

/**
 * An admin's image prune (issue 27) is a history row too: the action CHECK widens to 'prune'. Such a row is about
 * a host, not a container, so its container_name is ''. SQLite cannot alter a CHECK: the table is rebuilt from its
 * own stored definition (as migration 17 does for incidents), so every column other migrations added comes along,
 * every index is made again, and the journal's rows step aside while the old table is dropped.
 */
function widenActions(db: DatabaseSync): void {
  const table = pluck(
    db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'deploy_history'"),
  ).get() as string;
  if (!table.includes(OLD_ACTIONS))
    throw new Error("deploy_history: the action CHECK is not the one migration 8 made");
  const indexes = pluck(
    db.prepare(
      "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'deploy_history' AND sql IS NOT NULL",
    ),
  ).all() as string[];
  db.exec(`
    CREATE TEMP TABLE deploy_journal_kept AS SELECT * FROM deploy_journal;
    DELETE FROM deploy_journal;
  `);
  db.exec(
    table
      .replace(OLD_ACTIONS, NEW_ACTIONS)
      .replace(/^CREATE TABLE "?deploy_history"?/, "CREATE TABLE deploy_history_rebuilt"),
  );
  db.exec(`
    INSERT INTO deploy_history_rebuilt SELECT * FROM deploy_history;
    DROP TABLE deploy_history;
    ALTER TABLE deploy_history_rebuilt RENAME TO deploy_history;
  `);
  for (const index of indexes) db.exec(index);
  db.exec(`
    INSERT INTO deploy_journal SELECT * FROM deploy_journal_kept;
    DROP TABLE temp.deploy_journal_kept;
  `);
}

export const migration18: Migration = {
  version: 18,
  sql: "",
  run: widenActions,
  // PostgreSQL alters a CHECK in place (its default name is table_column_check).
  postgres: `
    ALTER TABLE deploy_history DROP CONSTRAINT deploy_history_action_check;
    ALTER TABLE deploy_history ADD CONSTRAINT deploy_history_action_check ${NEW_ACTIONS};
  `,
};
