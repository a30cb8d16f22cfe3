import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { dialects, freshDatabase, type TestDatabase } from "@/tests/support/dialects";
import { authenticateToken } from "./authenticate-token";
import { createToken } from "./create-token";
import type { AuthTables } from "./db/auth-tables";
import { listAudit } from "./list-audit";
import { listTokens } from "./list-tokens";
import { revokeToken } from "./revoke-token";
import { emptyAuthTables, insertTestUser, testClock } from "./test-user";
import type { User } from "./types";

describe.each(dialects)("API tokens on %s", (dialect) => {
  let test: TestDatabase;
  let db: Kysely<AuthTables>;
  let clock: ReturnType<typeof testClock>;
  let alice: User;
  beforeAll(async () => {
    test = await freshDatabase(dialect);
    db = test.db;
  });
  afterAll(() => test?.close());
  beforeEach(async () => {
    await emptyAuthTables(db);
    clock = testClock();
    alice = await insertTestUser(db, { username: "alice", role: "admin" });
  });

  const MINUTE = 60_000;
  const create = (input: Partial<Parameters<typeof createToken>[1]> = {}) =>
    createToken(
      db,
      { name: "ci deploy", role: "operator", ...input },
      { kind: "user", name: "alice", userId: alice.id },
      "10.0.0.1",
      clock,
    );
  const auditActions = async () => (await listAudit(db)).map((e) => e.action);

  it("returns the secret once and stores only its sha256", async () => {
    const { token, info } = await create();
    expect(token).toMatch(/^wharf_[A-Za-z0-9_-]{43}$/);
    expect(info).toEqual({
      id: expect.any(Number),
      name: "ci deploy",
      role: "operator",
      createdAt: new Date(clock()).toISOString(),
      createdBy: "alice",
      expiresAt: null,
      lastUsedAt: null,
      revokedAt: null,
      owner: { kind: "user", userId: alice.id, username: "alice", active: true },
      effectiveRole: "operator",
      scoped: false,
    });
    const stored = await db.selectFrom("api_tokens").select("token_hash").executeTakeFirstOrThrow();
    expect(stored.token_hash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(await listTokens(db))).not.toContain(token.slice(6));
    expect((await listAudit(db))[0]).toMatchObject({
      action: "token-created",
      actor: "alice",
      target: "ci deploy",
      address: "10.0.0.1",
      detail: "role: operator, expires: never, user token of alice",
    });
  });

  it("authenticates as the token with its role", async () => {
    const { token, info } = await create();
    expect(await authenticateToken(db, token, "10.0.0.2", clock)).toEqual({
      kind: "token",
      name: "ci deploy",
      role: "operator",
      tokenId: info.id,
      ownerId: alice.id,
      access: {
        grants: [{ role: "operator", scope: null }],
        cap: [{ role: "admin", scope: null }],
      },
    });
    const altered = token.replace(/.$/, (c) => (c === "A" ? "B" : "A"));
    expect(await authenticateToken(db, altered, undefined, clock)).toBeNull();
    expect(await authenticateToken(db, token.slice(6), undefined, clock)).toBeNull();
    expect(await authenticateToken(db, "", undefined, clock)).toBeNull();
  });

  it("refuses a duplicate name, whatever its case, and an expiry in the past", async () => {
    await create();
    await expect(create({ name: "CI Deploy" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: 'An API token named "CI Deploy" already exists',
    });
    await expect(
      create({ name: "old", expiresAt: new Date(clock() - 1).toISOString() }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      message: "expiresAt: must be in the future",
    });
    await expect(create({ name: "" })).rejects.toMatchObject({ code: "VALIDATION" });
    expect((await listTokens(db)).map((t) => t.name)).toEqual(["ci deploy"]);
    expect(await auditActions()).toEqual(["token-created"]);
  });

  it("stops working once revoked; revoking again changes nothing", async () => {
    const { token, info } = await create();
    clock.advance(MINUTE);
    const revoked = await revokeToken(db, info.id, "bob", "10.0.0.3", clock);
    expect(revoked.revokedAt).toBe(new Date(clock()).toISOString());
    expect(await authenticateToken(db, token, undefined, clock)).toBeNull();
    clock.advance(MINUTE);
    expect((await revokeToken(db, info.id, "bob", undefined, clock)).revokedAt).toBe(revoked.revokedAt);
    expect(await auditActions()).toEqual(["token-revoked", "token-created"]);
    await expect(revokeToken(db, info.id + 1000, "bob")).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: `API token ${info.id + 1000} not found`,
    });
  });

  it("stops working when it expires, accepting any ISO offset", async () => {
    const expiresAt = new Date(clock() + 60 * MINUTE).toISOString().replace("Z", "+00:00");
    const { token, info } = await create({ expiresAt });
    expect(info.expiresAt).toBe(new Date(clock() + 60 * MINUTE).toISOString());
    clock.advance(59 * MINUTE);
    expect(await authenticateToken(db, token, undefined, clock)).not.toBeNull();
    clock.advance(MINUTE);
    expect(await authenticateToken(db, token, undefined, clock)).toBeNull();
  });

  it("records a use at most once per token every 10 minutes", async () => {
    const { token } = await create();
    const other = (await create({ name: "backup" })).token;
    const uses = async () => (await listAudit(db)).filter((e) => e.action === "token-used");
    await authenticateToken(db, token, "10.0.0.2", clock);
    await authenticateToken(db, other, "10.0.0.2", clock);
    for (const step of [MINUTE, 8 * MINUTE]) {
      clock.advance(step);
      await authenticateToken(db, token, "10.0.0.2", clock);
    }
    expect((await uses()).map((e) => e.target)).toEqual(["backup", "ci deploy"]);
    expect((await uses())[0]).toMatchObject({ actor: "backup", address: "10.0.0.2" });
    clock.advance(MINUTE);
    await authenticateToken(db, token, "10.0.0.2", clock);
    expect(await uses()).toHaveLength(3);
    expect((await listTokens(db)).find((t) => t.name === "ci deploy")?.lastUsedAt).toBe(
      new Date(clock()).toISOString(),
    );
  });

  it("records a use once when requests with the token arrive together", async () => {
    const { token } = await create();
    const principals = await Promise.all(
      Array.from({ length: 8 }, () => authenticateToken(db, token, "10.0.0.2", clock)),
    );
    expect(principals.every((p) => p?.name === "ci deploy")).toBe(true);
    expect((await listAudit(db)).filter((e) => e.action === "token-used")).toHaveLength(1);
  });
});
