import { createHash } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/lib/db/db";
import { authenticateToken } from "./authenticate-token";
import { createToken } from "./create-token";
import { listAudit } from "./list-audit";
import { listTokens } from "./list-tokens";
import { revokeToken } from "./revoke-token";
import { insertTestUser, testClock } from "./test-user";
import type { User } from "./types";

let db: Db;
let clock: ReturnType<typeof testClock>;
let alice: User;
beforeEach(async () => {
  db = openDb(":memory:");
  clock = testClock();
  alice = await insertTestUser(db, { username: "alice", role: "admin" });
});
afterEach(() => db.close());

const MINUTE = 60_000;
const create = (input: Partial<Parameters<typeof createToken>[1]> = {}) =>
  createToken(
    db,
    { name: "ci deploy", role: "operator", ...input },
    { kind: "user", name: "alice", userId: alice.id },
    "10.0.0.1",
    clock,
  );
const auditActions = () => listAudit(db).map((e) => e.action);

describe("API tokens", () => {
  it("returns the secret once and stores only its sha256", () => {
    const { token, info } = create();
    expect(token).toMatch(/^wharf_[A-Za-z0-9_-]{43}$/);
    expect(info).toEqual({
      id: 1,
      name: "ci deploy",
      role: "operator",
      createdAt: new Date(clock()).toISOString(),
      createdBy: "alice",
      expiresAt: null,
      lastUsedAt: null,
      revokedAt: null,
      owner: { kind: "user", userId: alice.id, username: "alice", active: true },
      effectiveRole: "operator",
    });
    expect(db.prepare("SELECT token_hash FROM api_tokens").pluck().get()).toBe(
      createHash("sha256").update(token).digest("hex"),
    );
    expect(JSON.stringify(listTokens(db))).not.toContain(token.slice(6));
    expect(listAudit(db)[0]).toMatchObject({
      action: "token-created",
      actor: "alice",
      target: "ci deploy",
      address: "10.0.0.1",
      detail: "role: operator, expires: never, user token of alice",
    });
  });

  it("authenticates as the token with its role", () => {
    const { token } = create();
    expect(authenticateToken(db, token, "10.0.0.2", clock)).toEqual({
      kind: "token",
      name: "ci deploy",
      role: "operator",
      tokenId: 1,
      ownerId: alice.id,
    });
    expect(
      authenticateToken(
        db,
        token.replace(/.$/, (c) => (c === "A" ? "B" : "A")),
        undefined,
        clock,
      ),
    ).toBeNull();
    expect(authenticateToken(db, token.slice(6), undefined, clock)).toBeNull();
    expect(authenticateToken(db, "", undefined, clock)).toBeNull();
  });

  it("refuses a duplicate name, whatever its case, and an expiry in the past", () => {
    create();
    expect(() => create({ name: "CI Deploy" })).toThrow(expect.objectContaining({ code: "CONFLICT" }));
    expect(() => create({ name: "old", expiresAt: new Date(clock() - 1).toISOString() })).toThrow(
      expect.objectContaining({ code: "VALIDATION", message: "expiresAt: must be in the future" }),
    );
    expect(() => create({ name: "" })).toThrow(expect.objectContaining({ code: "VALIDATION" }));
  });

  it("stops working once revoked; revoking again changes nothing", () => {
    const { token, info } = create();
    clock.advance(MINUTE);
    const revoked = revokeToken(db, info.id, "bob", "10.0.0.3", clock);
    expect(revoked.revokedAt).toBe(new Date(clock()).toISOString());
    expect(authenticateToken(db, token, undefined, clock)).toBeNull();
    clock.advance(MINUTE);
    expect(revokeToken(db, info.id, "bob", undefined, clock).revokedAt).toBe(revoked.revokedAt);
    expect(auditActions()).toEqual(["token-revoked", "token-created"]);
    expect(() => revokeToken(db, 99, "bob")).toThrow(
      expect.objectContaining({ code: "NOT_FOUND", message: "API token 99 not found" }),
    );
  });

  it("stops working when it expires, accepting any ISO offset", () => {
    const expiresAt = new Date(clock() + 60 * MINUTE).toISOString().replace("Z", "+00:00");
    const { token, info } = create({ expiresAt });
    expect(info.expiresAt).toBe(new Date(clock() + 60 * MINUTE).toISOString());
    clock.advance(59 * MINUTE);
    expect(authenticateToken(db, token, undefined, clock)).not.toBeNull();
    clock.advance(MINUTE);
    expect(authenticateToken(db, token, undefined, clock)).toBeNull();
  });

  it("records a use at most once per token every 10 minutes", () => {
    const { token } = create();
    const other = create({ name: "backup" }).token;
    const uses = () => listAudit(db).filter((e) => e.action === "token-used");
    authenticateToken(db, token, "10.0.0.2", clock);
    authenticateToken(db, other, "10.0.0.2", clock);
    for (const step of [MINUTE, 8 * MINUTE]) {
      clock.advance(step);
      authenticateToken(db, token, "10.0.0.2", clock);
    }
    expect(uses().map((e) => e.target)).toEqual(["backup", "ci deploy"]);
    expect(uses()[0]).toMatchObject({ actor: "backup", address: "10.0.0.2" });
    clock.advance(MINUTE);
    authenticateToken(db, token, "10.0.0.2", clock);
    expect(uses()).toHaveLength(3);
    expect(listTokens(db).find((t) => t.name === "ci deploy")?.lastUsedAt).toBe(
      new Date(clock()).toISOString(),
    );
  });
});
