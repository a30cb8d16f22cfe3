import path from "node:path";
import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

const root = path.dirname(fileURLToPath(import.meta.url));
const alias = {
  "@": root,
  // "server-only" throws outside React Server Components; tests import server modules directly.
  "server-only": path.join(root, "tests/support/server-only.ts"),
};

// The integration suite runs twice in `npm test`, side by side: on SQLite, and with every Wharf on PostgreSQL
// (WHARF_INTEGRATION_DIALECT=postgres, tests/support/pass.ts). The PostgreSQL pass leaves out the files whose
// assertions never read what Wharf stores: what the engines, the hosts' transports or the HTTP edge say.
const sqlitePassOnly = [
  "openapi", // the API's description, from code
  "read-host", // one host read against the engine
  "fleet-api", // containers and hosts as the engines report them
  "inventory", // images and labels as docker inspect says
  "logs-stats", // engine streams
  "older-logs-bounds", // engine log reads
  "screens", // log pages and a redeploy's steps on the stream (its history row: redeploy, history-views)
  "ssh-host", // the ssh:// transport
  "docker-contexts", // Docker CLI contexts as hosts
  "unanswered-inspect", // a stalled engine
  "frozen-host", // a frozen engine
  "host-down", // a stopped engine
  "swarm-node-down", // the swarm's worker stopped (the file says why once is enough)
  "edge-security", // the request guard and the SQLite files' modes (its throttle is auth's, on both)
  "startup", // the fleet file and SQLite's one-server rule
  "container-image", // the image, with the SQLite database it carries
  // Of a dialect already: each says which.
  "compose-ha",
  "database-url",
  "database-lost",
  "postgres-mode",
  "replicas",
  "auth-on-postgres",
];
const onPostgres = process.env.WHARF_INTEGRATION_DIALECT === "postgres";

/**
 * The PostgreSQL pass runs its files in the reverse of the SQLite pass's order (shortest first). In the same order
 * the two passes reach the same files together, and the files that take a lock the other pass respects (swarm's
 * stopped worker, the auto-heal files) wait for each other's twin, the longest files there are.
 */
class ReversedSequencer extends BaseSequencer {
  async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return (await super.sort(files)).reverse();
  }
}

export default defineConfig({
  test: {
    // Vitest reads the sequencer from here only, not from a project.
    ...(onPostgres ? { sequence: { sequencer: ReversedSequencer } } : {}),
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "components/**/*.test.ts"],
          environment: "node",
          // Sign-in tests run scrypt at its real cost, dozens of times: on a loaded two-core machine that takes
          // longer than Vitest's default 5 s. No test here waits on anything else.
          testTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          exclude: [
            ...configDefaults.exclude,
            ...(onPostgres ? sqlitePassOnly.map((name) => `tests/integration/${name}.test.ts`) : []),
          ],
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          setupFiles: ["tests/integration/pass-setup.ts"],
          // The engines are shared: files run one after another so one file's containers never surprise another.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
