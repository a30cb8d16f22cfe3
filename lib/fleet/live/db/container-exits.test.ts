import type { Kysely } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { dialects, freshDatabase, type TestDatabase } from "@/tests/support/dialects";
import type { FleetTables } from "./exit-table";
import { forgetContainerExit } from "./forget-container-exit";
import { readContainerExits } from "./read-container-exits";
import { saveContainerExit } from "./save-container-exit";

describe.each(dialects)("the fleet's memory of deaths on %s", (dialect) => {
  let test: TestDatabase;
  let db: Kysely<FleetTables>;
  beforeAll(async () => {
    test = await freshDatabase(dialect);
    db = test.db;
  });
  afterAll(() => test?.close());
  beforeEach(async () => {
    await db.deleteFrom("container_exits").execute();
  });

  it("keeps the last death of each container per host, replaces it, and forgets it", async () => {
    const kill = { code: 137, oom: false, cause: "killed" as const, at: "2026-01-01T00:00:00.000Z" };
    await saveContainerExit(db, "alpha", "c1", kill);
    await saveContainerExit(db, "alpha", "c2", { ...kill, code: 3, cause: "crash" });
    await saveContainerExit(db, "bravo", "c1", { ...kill, oom: true, cause: "oom" });
    const oom = { code: 137, oom: true, cause: "oom" as const, at: "2026-01-01T00:01:00.000Z" };
    await saveContainerExit(db, "alpha", "c1", oom);
    expect(await readContainerExits(db, "alpha")).toEqual(
      new Map([
        ["c1", oom],
        ["c2", { ...kill, code: 3, cause: "crash" }],
      ]),
    );
    await forgetContainerExit(db, "alpha", "c1");
    expect([...(await readContainerExits(db, "alpha")).keys()]).toEqual(["c2"]);
    expect((await readContainerExits(db, "bravo")).get("c1")).toEqual({ ...kill, oom: true, cause: "oom" });
    await saveContainerExit(db, "alpha", "c3", { ...kill, cause: null });
    expect((await readContainerExits(db, "alpha")).get("c3")?.cause).toBeNull();
  });
});
