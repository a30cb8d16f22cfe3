import { describe, expect, it } from "vitest";
import { DUMMY_PASSWORD_HASH, SCRYPT_PARAMS, hashPassword } from "./hash-password";
import { parsePasswordHash, verifyPassword } from "./verify-password";

const format = /^scrypt\$32768\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/;

describe("hashPassword and verifyPassword", () => {
  it("stores a self-describing scrypt hash that verifies the password and nothing else", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash).toMatch(format);
    expect(hash).not.toContain("correct horse battery");
    await expect(verifyPassword("correct horse battery", hash)).resolves.toBe(true);
    await expect(verifyPassword("correct horse batterY", hash)).resolves.toBe(false);
    await expect(verifyPassword("", hash)).resolves.toBe(false);
  });

  it("salts every hash, so one password stored twice looks different", async () => {
    const [a, b] = await Promise.all([
      hashPassword("same password here"),
      hashPassword("same password here"),
    ]);
    expect(a).not.toBe(b);
    expect(parsePasswordHash(a)?.salt).not.toEqual(parsePasswordHash(b)?.salt);
    await expect(verifyPassword("same password here", b)).resolves.toBe(true);
  });

  it("leaves the event loop free while hashing", async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    await hashPassword("correct horse battery");
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
  });

  it("rejects stored values it cannot read, or that would ask scrypt for too much memory, without throwing", async () => {
    const good = await hashPassword("correct horse battery");
    const parts = good.split("$");
    const tooBig = ["scrypt", 2 ** 22, 8, 1, ...parts.slice(4)].join("$");
    for (const stored of [
      "",
      "plain text",
      "bcrypt$10$x",
      tooBig,
      good.replace("scrypt$32768", "scrypt$1000"),
    ]) {
      await expect(verifyPassword("correct horse battery", stored)).resolves.toBe(false);
    }
  });

  it("checks unknown users against a hash of the current cost, so they take as long as real ones", () => {
    const dummy = parsePasswordHash(DUMMY_PASSWORD_HASH);
    expect(dummy).toMatchObject({ N: SCRYPT_PARAMS.N, r: SCRYPT_PARAMS.r, p: SCRYPT_PARAMS.p });
    expect(dummy?.salt).toHaveLength(SCRYPT_PARAMS.saltLength);
    expect(dummy?.key).toHaveLength(SCRYPT_PARAMS.keyLength);
  });
});
