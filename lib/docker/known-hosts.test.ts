import { createHmac, generateKeyPairSync, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { blobKeyType, fingerprint, knownHostName, parseKnownHosts, verifyHostKey } from "./known-hosts";

/** A real ed25519 public key blob, as a server sends it in the handshake and known_hosts stores it in base64. */
function hostKey(): Buffer {
  const raw = generateKeyPairSync("ed25519").publicKey.export({ type: "spki", format: "der" }).subarray(-32);
  const field = (value: Buffer) => Buffer.concat([Buffer.from([0, 0, 0, value.length]), value]);
  return Buffer.concat([field(Buffer.from("ssh-ed25519")), field(raw)]);
}
const line = (hosts: string, key: Buffer) => `${hosts} ${blobKeyType(key)} ${key.toString("base64")}`;
const hashed = (name: string) => {
  const salt = randomBytes(20);
  return `|1|${salt.toString("base64")}|${createHmac("sha1", salt).update(name).digest("base64")}`;
};

const key = hostKey();
const other = hostKey();

describe("verifyHostKey", () => {
  it("accepts the listed key, under [host]:port for other ports than 22, hashed or not", () => {
    for (const hosts of ["[127.0.0.1]:2222", hashed("[127.0.0.1]:2222"), "example.org,[127.0.0.1]:2222"]) {
      const entries = parseKnownHosts(`# a comment\n\n${line(hosts, key)}\n`);
      expect(verifyHostKey(entries, "127.0.0.1", 2222, key, "kh")).toEqual({ ok: true });
    }
    expect(verifyHostKey(parseKnownHosts(line("127.0.0.1", key)), "127.0.0.1", 22, key, "kh")).toEqual({
      ok: true,
    });
    expect(
      verifyHostKey(parseKnownHosts(line("*.example.org", key)), "a.example.org", 22, key, "kh").ok,
    ).toBe(true);
  });

  it("refuses a changed key, naming what the server offered", () => {
    const verdict = verifyHostKey(parseKnownHosts(line("[h]:2200", other)), "h", 2200, key, "/k/known_hosts");
    expect(verdict).toEqual({
      ok: false,
      reason: expect.stringContaining(
        `the host key of [h]:2200 does not match /k/known_hosts: the server offered ssh-ed25519 ${fingerprint(key)}`,
      ),
    });
  });

  it("refuses an unknown host, a port that differs, a negated pattern and a revoked key", () => {
    const unknown = verifyHostKey(parseKnownHosts(line("[h]:1", key)), "h", 2200, key, "kh");
    expect(unknown).toEqual({
      ok: false,
      reason: expect.stringMatching(/^unknown host key for \[h\]:2200 .*ssh-keyscan -p 2200 h/),
    });
    expect(verifyHostKey(parseKnownHosts(line("h", key)), "h", 2200, key, "kh").ok).toBe(false);
    expect(verifyHostKey(parseKnownHosts(line("*.org,!bad.org", key)), "bad.org", 22, key, "kh").ok).toBe(
      false,
    );
    const revoked = parseKnownHosts(`${line("h", key)}\n@revoked ${line("*", key)}`);
    expect(verifyHostKey(revoked, "h", 22, key, "kh")).toEqual({
      ok: false,
      reason: expect.stringContaining("@revoked"),
    });
  });

  it("skips malformed lines and @cert-authority lines as keys of their own", () => {
    const entries = parseKnownHosts(`garbage\n@cert-authority ${line("h", key)}\n`);
    expect(entries).toHaveLength(1);
    expect(verifyHostKey(entries, "h", 22, key, "kh").ok).toBe(false);
  });
});

describe("helpers", () => {
  it("names hosts and fingerprints keys as OpenSSH does", () => {
    expect(knownHostName("h", 22)).toBe("h");
    expect(knownHostName("h", 2222)).toBe("[h]:2222");
    expect(fingerprint(key)).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    expect(blobKeyType(key)).toBe("ssh-ed25519");
  });
});
