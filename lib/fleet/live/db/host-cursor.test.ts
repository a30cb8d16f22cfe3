import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects, freshDatabase, type TestDatabase } from "@/tests/support/dialects";
import type { LiveFleetTables } from "./host-cursor-table";
import { readHostCursor } from "./read-host-cursor";
import { saveHostCursor } from "./save-host-cursor";

describe.each(dialects)("a host's event cursor on %s", (dialect) => {
  let test: TestDatabase;
  let db: Kysely<LiveFleetTables>;
  beforeAll(async () => {
    test = await freshDatabase(dialect);
    db = test.db;
  });
  afterAll(() => test?.close());

  it("is null on a first start, then the last saved, sub-millisecond part kept", async () => {
    expect(await readHostCursor(db, "alpha")).toBeNull();
    await saveHostCursor(db, "alpha", 1_740_823_200_123.456);
    await saveHostCursor(db, "alpha", 1_740_823_201_000.789);
    await saveHostCursor(db, "bravo", 5);
    expect(await readHostCursor(db, "alpha")).toBe(1_740_823_201_000.789);
    expect(await readHostCursor(db, "bravo")).toBe(5);
  });
});
