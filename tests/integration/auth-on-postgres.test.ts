import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { AuditEntry, User } from "@/lib/auth/types";
import { dialects, freshDatabase, type TestDatabase } from "../support/dialects";
import { readFleetFile, uniqueName } from "../support/fleet";
import { startWharf, TEST_ADMIN } from "../support/wharf-server";
import { passFolder } from "../support/pass";

const dir = path.join(passFolder, "integration", uniqueName("dba-auth-db"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Sign-in is on the typed data layer: a Wharf whose DATABASE_URL names PostgreSQL creates its admin from
// WHARF_ADMIN_PASSWORD and signs people in there, as the embedded database does.
describe.each(dialects)("signing in on %s", (dialect) => {
  let database: TestDatabase | undefined;
  afterAll(() => database?.close());

  it("creates the admin from WHARF_ADMIN_PASSWORD on first start, who signs in, makes a token and sees the audit log", async () => {
    database = await freshDatabase(dialect);
    const fleetFile = path.join(dir, `${dialect}-hosts.json`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      fleetFile,
      JSON.stringify({ hosts: readFleetFile().hosts.filter((h) => h.id === "alpha") }),
    );
    // startWharf signs in as the admin and makes an API token with the session: it throws when either fails.
    const server = await startWharf({
      port: 3198,
      fleetConfig: fleetFile,
      dataDir: path.join(dir, `${dialect}-data`),
      env: { DATABASE_URL: database.url ?? undefined },
    });
    try {
      expect(server.output()).toContain('[wharf] created the admin user "admin" from WHARF_ADMIN_PASSWORD');
      const { users } = (await (await server.fetch("/api/users")).json()) as { users: User[] };
      expect(users.map((u) => [u.username, u.role])).toEqual([["admin", "admin"]]);
      const wrong = await fetch(`${server.url}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: "ADMIN", password: `${TEST_ADMIN.password}!` }),
      });
      expect(wrong.status).toBe(401);
      const { entries } = (await (await server.fetch("/api/audit")).json()) as { entries: AuditEntry[] };
      expect(entries.map((e) => [e.action, e.actor, e.target]).reverse()).toEqual([
        ["user-created", "bootstrap", "admin"],
        ["login", "admin", "admin"],
        ["token-created", "admin", expect.stringMatching(/^tests-/)],
        ["token-used", expect.stringMatching(/^tests-/), expect.stringMatching(/^tests-/)],
        ["login-failed", "anonymous", "ADMIN"],
      ]);
      if (dialect === "postgres") {
        // The rows are in PostgreSQL, not in a SQLite file beside it.
        const rows = await database.db.selectFrom("users").select("username").execute();
        expect(rows).toEqual([{ username: "admin" }]);
      }
    } finally {
      await server.stop();
    }
  });
});
