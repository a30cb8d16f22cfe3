import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { User } from "@/lib/auth/types";
import { dialects, freshDatabase, type TestDatabase } from "../support/dialects";
import { readFleetFile, uniqueName } from "../support/fleet";
import { startRelay } from "../support/tcp-relay";
import { startWharf } from "../support/wharf-server";
import { passFolder } from "../support/pass";

const dir = path.join(passFolder, "integration", uniqueName("dbt-lost-db"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Wharf reaches its PostgreSQL through a relay the test cuts, as a network failure or a database restart would:
// the connections Wharf holds die and new ones are refused, then the same address answers again.
describe("a Wharf whose PostgreSQL goes away while it runs", () => {
  let database: TestDatabase | undefined;
  afterAll(() => database?.close());

  it.each(dialects.filter((d) => d === "postgres"))(
    "answers 503 naming the database on %s, never a 500, and serves again once it is back, with no restart",
    async (dialect) => {
      database = await freshDatabase(dialect);
      const direct = new URL(database.url!);
      const relay = await startRelay({ host: direct.hostname, port: Number(direct.port) });
      const viaRelay = new URL(direct);
      viaRelay.port = String(relay.port);
      mkdirSync(dir, { recursive: true });
      const fleetFile = path.join(dir, "hosts.json");
      writeFileSync(
        fleetFile,
        JSON.stringify({ hosts: readFleetFile().hosts.filter((h) => h.id === "alpha") }),
      );
      const server = await startWharf({
        port: 3199,
        fleetConfig: fleetFile,
        dataDir: path.join(dir, "data"),
        env: { DATABASE_URL: viaRelay.toString() },
      });
      const users = () => server.fetch("/api/users");
      try {
        expect((await users()).status).toBe(200);

        await relay.cut();
        for (let i = 0; i < 3; i++) {
          const lost = await users();
          expect(lost.status).toBe(503);
          const { error } = (await lost.json()) as { error: { code: string; message: string } };
          expect(error.code).toBe("UNAVAILABLE");
          expect(error.message).toMatch(
            new RegExp(
              `^The database at 127\\.0\\.0\\.1:${relay.port} is unreachable: .+; Wharf retries on the next request$`,
            ),
          );
        }
        // Once no connection is left, a new one is refused: said in words, not as a code.
        const refused = (await (await users()).json()) as { error: { message: string } };
        expect(refused.error.message).toContain(
          "is unreachable: connection refused (is PostgreSQL running and listening there?)",
        );

        await relay.restore();
        const back = await users();
        expect(back.status).toBe(200);
        const body = (await back.json()) as { users: User[] };
        expect(body.users.map((u) => u.username)).toEqual(["admin"]);
        expect(server.process.exitCode).toBeNull();
        expect(server.output()).not.toContain("unexpected error");
      } finally {
        await server.stop();
        await relay.stop();
      }
    },
  );
});
