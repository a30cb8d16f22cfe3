import { afterAll, beforeAll } from "vitest";
import { acquire, type Held } from "../support/engine-locks";
import { integrationDialect } from "../support/pass";
import { dropFileDatabases } from "../support/pass-database";

// Every file holds the fleet shared while it runs: a test that stops an engine (host-down) holds it exclusive,
// so it waits for the other pass's file to end, and that pass's next file waits for the engine to be back.
let fleet: Held | undefined;
beforeAll(async () => {
  fleet = await acquire("fleet", "shared");
}, 600_000);

// Registered first, so it runs last: after the file's own afterAll has stopped its servers.
afterAll(async () => {
  fleet?.release();
  if (integrationDialect === "postgres") await dropFileDatabases();
});
