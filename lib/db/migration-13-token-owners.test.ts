import { DatabaseSync } from "node:sqlite";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrations } from "./migrations";
import { runMigrations } from "./run-migrations";

let db: DatabaseSync;
beforeEach(() => {
  db = new DatabaseSync(":memory:");
  runMigrations(
    db,
    migrations.filter((m) => m.version < 13),
  );
});
afterEach(() => db.close());

describe("migration 13: tokens made before owners were recorded", () => {
  it("go to the user who made them then, or through the token that made them; a gone maker's have none", () => {
    const user = db.prepare(
      "INSERT INTO users (username, password_hash, role, created_at) VALUES (?, 'x', 'admin', ?) RETURNING id",
    );
    const bob = (user.get("bob", "2025-01-01T00:00:00.000Z") as { id: number }).id;
    const token = db.prepare(
      "INSERT INTO api_tokens (name, token_hash, role, created_by, created_at) VALUES (?, ?, 'admin', ?, ?)",
    );
    token.run("by-bob", "h1", "Bob", "2025-02-01T00:00:00.000Z");
    token.run("by-token", "h2", "by-bob", "2025-02-02T00:00:00.000Z");
    token.run("by-gone", "h3", "carol", "2025-02-03T00:00:00.000Z");
    // A carol created after the token is not the carol who made it.
    user.get("carol", "2025-03-01T00:00:00.000Z");

    expect(
      runMigrations(
        db,
        migrations.filter((m) => m.version === 13),
      ),
    ).toEqual([13]);
    expect(db.prepare("SELECT name, owner_user_id, service_owner FROM api_tokens ORDER BY id").all()).toEqual(
      [
        { name: "by-bob", owner_user_id: bob, service_owner: null },
        { name: "by-token", owner_user_id: bob, service_owner: null },
        { name: "by-gone", owner_user_id: null, service_owner: null },
      ],
    );
  });
});
