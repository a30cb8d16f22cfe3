import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { closeDb } from "@/lib/db/db";
import { authDatabase } from "./auth-database";
import { SESSION_COOKIE, authenticateRequest, clientAddress } from "./authenticate-request";
import { createToken } from "./create-token";
import { login } from "./login";
import { requireRole } from "./require-role";
import { TEST_PASSWORD, insertTestUser } from "./test-user";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-auth-"));
  vi.stubEnv("DATA_DIR", dir);
});
afterEach(() => {
  closeDb();
  vi.unstubAllEnvs();
  fs.rmSync(dir, { recursive: true, force: true });
});

const request = (headers: Record<string, string>) => new Request("http://localhost/api/hosts", { headers });

async function credentials() {
  const db = await authDatabase();
  const alice = await insertTestUser(db, { username: "alice", role: "operator" });
  const { token: session } = await login(db, {
    username: "alice",
    password: TEST_PASSWORD,
    address: "local",
  });
  const { token } = await createToken(
    db,
    { name: "ci", role: "viewer" },
    {
      kind: "user",
      name: "alice",
      userId: alice.id,
    },
  );
  return { session, token };
}

describe("authenticateRequest", () => {
  it("takes a bearer token first, else the session cookie, else nobody", async () => {
    const { session, token } = await credentials();
    const cookie = `theme=dark; ${SESSION_COOKIE}=${session}`;
    await expect(
      authenticateRequest(request({ authorization: `Bearer ${token}`, cookie })),
    ).resolves.toMatchObject({ kind: "token", name: "ci" });
    await expect(authenticateRequest(request({ cookie }))).resolves.toMatchObject({
      kind: "user",
      name: "alice",
      role: "operator",
    });
    await expect(authenticateRequest(request({}))).resolves.toBeNull();
  });

  it("does not fall back to the cookie when the Authorization header is wrong", async () => {
    const { session } = await credentials();
    const cookie = `${SESSION_COOKIE}=${session}`;
    for (const authorization of ["Bearer wharf_nope", "Basic YWxpY2U6cHc=", "Bearer"]) {
      await expect(authenticateRequest(request({ authorization, cookie }))).resolves.toBeNull();
    }
  });
});

describe("requireRole", () => {
  it("answers UNAUTHORIZED for nobody, FORBIDDEN for too small a role, else the principal", async () => {
    const { token } = await credentials();
    await expect(requireRole(request({}), "viewer")).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const asToken = request({ authorization: `Bearer ${token}` });
    await expect(requireRole(asToken, "operator")).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "This needs the operator role; ci has viewer",
    });
    await expect(requireRole(asToken, "viewer")).resolves.toMatchObject({ name: "ci" });
  });
});

describe("clientAddress", () => {
  const forwarded = request({ "x-forwarded-for": "203.0.113.9, 198.51.100.7", "x-real-ip": "192.0.2.1" });

  it("is the socket address the start script wrote, and no forwarding header unless WHARF_TRUST_PROXY=1", () => {
    const fromSocket = request({ "x-forwarded-for": "203.0.113.9", "x-wharf-client-address": "127.0.0.2" });
    expect(clientAddress(fromSocket, {})).toBe("127.0.0.2");
    expect(clientAddress(fromSocket, { WHARF_TRUST_PROXY: "true" })).toBe("127.0.0.2");
    expect(clientAddress(forwarded, {})).toBe("local");
  });

  it("behind a trusted proxy takes the entry that proxy appended, else x-real-ip, else the socket", () => {
    const trust = { WHARF_TRUST_PROXY: "1" };
    expect(clientAddress(forwarded, trust)).toBe("198.51.100.7");
    expect(clientAddress(request({ "x-real-ip": "192.0.2.1" }), trust)).toBe("192.0.2.1");
    expect(clientAddress(request({ "x-wharf-client-address": "10.1.1.1" }), trust)).toBe("10.1.1.1");
  });
});
