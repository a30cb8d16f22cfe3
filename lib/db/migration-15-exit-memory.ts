import "server-only";
import type { Migration } from "./migration";

export const migration15: Migration = {
  version: 15,
  // What Wharf saw of each container's last death (issue 22.1): the engine keeps only "exited (137)", and the
  // events that said a person killed or stopped it are gone from a later Wharf's catch-up once they are older
  // than where the previous one had got to. One row per container, written when the death is seen, read at
  // start; removed with the container.
  sql: `
      CREATE TABLE container_exits (
        host_id TEXT NOT NULL,
        container_id TEXT NOT NULL,
        code INTEGER NOT NULL,
        oom INTEGER NOT NULL CHECK (oom IN (0, 1)),
        cause TEXT CHECK (cause IS NULL OR cause IN ('crash', 'oom', 'stopped', 'killed', 'clean')),
        at TEXT NOT NULL,
        PRIMARY KEY (host_id, container_id)
      ) WITHOUT ROWID;
    `,
  postgres: `
      CREATE TABLE container_exits (
        host_id TEXT NOT NULL,
        container_id TEXT NOT NULL,
        code INTEGER NOT NULL,
        oom INTEGER NOT NULL CHECK (oom IN (0, 1)),
        cause TEXT CHECK (cause IS NULL OR cause IN ('crash', 'oom', 'stopped', 'killed', 'clean')),
        at TEXT NOT NULL,
        PRIMARY KEY (host_id, container_id)
      );
    `,
};
