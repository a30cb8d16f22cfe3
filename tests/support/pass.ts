// Which pass of the integration suite this process runs. The suite runs twice in `npm test`, at the same time, on
// the same engines: once with every Wharf on SQLite, once on PostgreSQL (WHARF_INTEGRATION_DIALECT=postgres). The
// passes stay apart by what they create: their own label value (fleet.ts's TEST_RUN), their own ports and their
// own folders, so neither removes, counts or overwrites the other's.
import path from "node:path";
import type { Dialect } from "@/lib/db/dialect";

const asked = process.env.WHARF_INTEGRATION_DIALECT ?? "";
if (!["", "sqlite", "postgres"].includes(asked))
  throw new Error(`WHARF_INTEGRATION_DIALECT must be sqlite or postgres (got ${JSON.stringify(asked)})`);
if (asked === "postgres" && !process.env.WHARF_TEST_DATABASE_URL)
  throw new Error(
    "WHARF_INTEGRATION_DIALECT=postgres needs WHARF_TEST_DATABASE_URL: run scripts/ensure-postgres.sh",
  );

/** The dialect every Wharf this pass starts uses, unless a test names its own DATABASE_URL. */
export const integrationDialect: Dialect = asked === "postgres" ? "postgres" : "sqlite";
const onPostgres = integrationDialect === "postgres";

/**
 * Added to every port a test server or listener of fixed number takes: checkouts and passes side by side. Test
 * servers' own ports are 3101-3199, so the PostgreSQL pass's are 3201-3299; replicas (3232-3234) and postgres-mode
 * (3240) run in the SQLite pass only, where no server of the other pass is on theirs.
 */
export const portOffset = Number(process.env.WHARF_PORT_OFFSET ?? 0) + (onPostgres ? 100 : 0);

/** This pass's share of the label value its containers carry (wharf.test=RUN). */
export const passSuffix = onPostgres ? "-pg" : "";

/** Where this pass keeps its fleet files and data folders (the checkout's .fleet, or a folder in it). */
export const passFolder = path.resolve(__dirname, "../..", onPostgres ? ".fleet/postgres-pass" : ".fleet");
