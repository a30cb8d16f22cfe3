import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WharfError } from "@/lib/core/errors";
import { DEFAULT_SSH_TIMEOUT_MS, DEFAULT_TIMEOUT_MS } from "./host-config";
import { parseFleetConfig } from "./parse-fleet-config";

const pem = (label: string, body: string) => `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
const CA = pem("CERTIFICATE", "Y2EtZm9yLXRlc3Rz");
const CERT = pem("CERTIFICATE", "Y2VydC1mb3ItdGVzdHM=");
const KEY = pem("PRIVATE KEY", "a2V5LWZvci10ZXN0cw==");

let dir: string;
beforeAll(() => {
  // The certs sit beside the config file, not in the working directory, so a cwd-relative lookup would fail.
  dir = mkdtempSync(path.join(tmpdir(), "wharf-fleet-"));
  mkdirSync(path.join(dir, "certs"));
  writeFileSync(path.join(dir, "certs", "ca.pem"), CA);
  writeFileSync(path.join(dir, "certs", "cert.pem"), CERT);
  writeFileSync(path.join(dir, "certs", "key.pem"), KEY);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the parser expecting it to refuse the file, and returns the error the operator would read. */
function rejection(file: string, text: string): WharfError {
  try {
    parseFleetConfig(file, text);
  } catch (error) {
    expect(error).toBeInstanceOf(WharfError);
    expect((error as WharfError).code).toBe("VALIDATION");
    return error as WharfError;
  }
  throw new Error(`expected ${file} to be rejected`);
}

const json = (hosts: unknown[], extra: object = {}) => JSON.stringify({ hosts, ...extra });

describe("parseFleetConfig: accepted files", () => {
  it("reads a JSON fleet and fills in name and timeout defaults", () => {
    const hosts = parseFleetConfig("fleet.json", json([{ id: "alpha", url: "unix:///var/run/docker.sock" }]));
    expect(hosts).toEqual([
      {
        id: "alpha",
        name: "alpha",
        url: "unix:///var/run/docker.sock",
        displayUrl: "unix:///var/run/docker.sock",
        timeoutMs: DEFAULT_TIMEOUT_MS,
        tls: undefined,
      },
    ]);
  });

  it("reads a YAML fleet, keeping order, names and timeouts", () => {
    const yaml = [
      "hosts:",
      "  - id: alpha",
      "    name: Alpha rack",
      "    url: tcp://10.0.0.5:2376",
      "    timeoutMs: 5000",
      "  - id: bravo",
      "    url: ssh://deploy@bravo.internal",
    ].join("\n");
    const hosts = parseFleetConfig(path.join(dir, "fleet.yml"), yaml);
    expect(hosts.map((h) => [h.id, h.name, h.url, h.timeoutMs])).toEqual([
      ["alpha", "Alpha rack", "tcp://10.0.0.5:2376", 5000],
      ["bravo", "bravo", "ssh://deploy@bravo.internal", DEFAULT_SSH_TIMEOUT_MS],
    ]);
  });

  it("loads TLS files relative to the config file's directory", () => {
    const tls = { ca: "certs/ca.pem", cert: "./certs/cert.pem", key: path.join(dir, "certs", "key.pem") };
    const [host] = parseFleetConfig(
      path.join(dir, "fleet.json"),
      json([{ id: "alpha", url: "tcp://a:2376", tls }]),
    );
    expect(host?.tls).toEqual({ ca: CA, cert: CERT, key: KEY });
  });

  it("takes inline PEM as is, with ca optional", () => {
    const yaml = `hosts:\n  - id: alpha\n    url: tcp://a:2376\n    tls:\n      cert: |\n${indent(CERT)}      key: |\n${indent(KEY)}`;
    const [host] = parseFleetConfig(path.join(dir, "fleet.yaml"), yaml);
    expect(host?.tls?.cert).toBe(CERT);
    expect(host?.tls?.key).toBe(KEY);
    expect(host?.tls?.ca).toBeUndefined();
  });

  it.each([
    ["ssh://deploy@bravo.internal", "ssh://bravo.internal"],
    ["tcp://admin:s3cret@10.0.0.7:2376", "tcp://10.0.0.7:2376"],
    ["tcp://10.0.0.7:2376", "tcp://10.0.0.7:2376"],
  ])("shows %s as %s, keeping the full url for connecting", (url, shown) => {
    const [host] = parseFleetConfig("fleet.json", json([{ id: "alpha", url }]));
    expect(host?.displayUrl).toBe(shown);
    expect(host?.url).toBe(url);
  });
});

describe("parseFleetConfig: rejected files name the file, the host and the field", () => {
  const alpha = { id: "alpha", url: "unix:///var/run/docker.sock" };

  it("names host and field for a bad url", () => {
    const { message } = rejection(
      "/etc/wharf/fleet.json",
      json([alpha, { id: "bravo", url: "http://bravo:2375" }]),
    );
    expect(message).toContain("/etc/wharf/fleet.json");
    expect(message).toContain('host "bravo" (hosts[1]) field "url"');
    expect(message).not.toContain("hosts[0]");
  });

  it("rejects a duplicate id on the second occurrence", () => {
    const { message } = rejection("fleet.json", json([alpha, { ...alpha, url: "tcp://other:2375" }]));
    expect(message).toContain('host "alpha" (hosts[1]) field "id"');
    expect(message).toContain('duplicate host id "alpha"');
  });

  it.each(["Alpha", "web_1", "-web", "web.prod", "a".repeat(64)])("rejects the non-slug id %j", (id) => {
    expect(rejection("fleet.json", json([{ id, url: "tcp://h:2375" }])).message).toContain(
      `(hosts[0]) field "id"`,
    );
  });

  it("rejects unknown fields on a host, in tls and at the top level", () => {
    expect(rejection("fleet.json", json([{ ...alpha, tlsVerify: true }])).message).toMatch(
      /host "alpha" \(hosts\[0\]\).*tlsVerify/,
    );
    const tls = { cert: CERT, key: KEY, passphrase: "x" };
    expect(rejection("fleet.json", json([{ ...alpha, tls }])).message).toMatch(/field "tls".*passphrase/);
    expect(rejection("fleet.json", json([alpha], { version: 2 })).message).toContain("version");
  });

  it("reads a host's console: false, and refuses a console that is not true or false", () => {
    expect(parseFleetConfig("fleet.json", json([{ ...alpha, console: false }]))[0]?.console).toBe(false);
    expect(parseFleetConfig("fleet.json", json([{ ...alpha, console: true }]))[0]).not.toHaveProperty(
      "console",
    );
    expect(rejection("fleet.json", json([{ ...alpha, console: "no" }])).message).toContain(
      'host "alpha" (hosts[0]) field "console"',
    );
  });

  it("reads a host's allowedImages, and names a bad or empty list", () => {
    const [host] = parseFleetConfig("fleet.json", json([{ ...alpha, allowedImages: ["127.0.0.1:5000/*"] }]));
    expect(host?.allowedImages).toEqual(["127.0.0.1:5000/*"]);
    expect(parseFleetConfig("fleet.json", json([alpha]))[0]).not.toHaveProperty("allowedImages");
    expect(rejection("fleet.json", json([{ ...alpha, allowedImages: [] }])).message).toContain(
      'host "alpha" (hosts[0]) field "allowedImages": must list at least one pattern',
    );
    expect(rejection("fleet.json", json([{ ...alpha, allowedImages: ["a b"] }])).message).toContain(
      'field "allowedImages.0": must be an image pattern',
    );
  });

  it("rejects an empty fleet", () => {
    expect(rejection("fleet.json", json([])).message).toContain('field "hosts"');
  });

  it("names the TLS file it could not read, resolved from the config directory", () => {
    const file = path.join(dir, "fleet.json");
    const tls = { cert: "certs/cert.pem", key: "certs/missing-key.pem" };
    const { message } = rejection(file, json([alpha, { id: "bravo", url: "tcp://b:2376", tls }]));
    expect(message).toContain(file);
    expect(message).toContain('host "bravo" (hosts[1]) field "tls.key"');
    expect(message).toContain(path.join(dir, "certs", "missing-key.pem"));
  });

  it("names the file it could not parse, for JSON and YAML", () => {
    expect(rejection("/srv/fleet.json", '{"hosts": [').message).toMatch(/\/srv\/fleet\.json: cannot parse/);
    expect(rejection("/srv/fleet.yaml", "hosts: [alpha\n  - {").message).toMatch(
      /\/srv\/fleet\.yaml: cannot parse/,
    );
  });
});

function indent(text: string): string {
  return text.replace(/^(?=.)/gm, "        ");
}

describe("parseFleetConfig: ssh:// hosts", () => {
  const ssh = { id: "delta", url: "ssh://deploy@127.0.0.1:2222" };
  const keyLine =
    "[127.0.0.1]:2222 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl";
  let privateKey: string;
  beforeAll(() => {
    const file = path.join(dir, "id_test");
    execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "t", "-f", file]);
    privateKey = readFileSync(file, "utf8");
    writeFileSync(path.join(dir, "known_hosts"), `${keyLine}\n`);
    execFileSync("ssh-keygen", [
      "-q",
      "-t",
      "ed25519",
      "-N",
      "secret",
      "-C",
      "t",
      "-f",
      path.join(dir, "id_locked"),
    ]);
  });

  it("reads knownHosts and identityFile as paths from the config directory, or inline", () => {
    const fromFiles = parseFleetConfig(
      path.join(dir, "fleet.json"),
      json([{ ...ssh, knownHosts: "known_hosts", identityFile: "id_test" }]),
    );
    expect(fromFiles[0]!.ssh).toEqual({
      knownHosts: { text: `${keyLine}\n`, source: path.join(dir, "known_hosts") },
      privateKey,
    });
    const inline = parseFleetConfig(
      "/srv/fleet.json",
      json([{ ...ssh, knownHosts: keyLine, identityFile: privateKey }]),
    );
    expect(inline[0]!.ssh).toEqual({
      knownHosts: { text: keyLine, source: 'the knownHosts of host "delta" (hosts[0]) in /srv/fleet.json' },
      privateKey,
    });
    expect(parseFleetConfig("/srv/fleet.json", json([ssh]))[0]!.ssh).toBeUndefined();
  });

  it("refuses a missing file, a key with a passphrase, a public key, and ssh fields on other hosts", () => {
    const file = path.join(dir, "fleet.json");
    expect(rejection(file, json([{ ...ssh, knownHosts: "nope" }])).message).toContain(
      `host "delta" (hosts[0]) field "knownHosts": cannot read ${path.join(dir, "nope")}`,
    );
    expect(rejection(file, json([{ ...ssh, identityFile: "id_locked" }])).message).toContain(
      "passphrase: load it into an ssh-agent",
    );
    expect(rejection(file, json([{ ...ssh, identityFile: "id_test.pub" }])).message).toContain(
      'field "identityFile": this is a public key',
    );
    expect(
      rejection(file, json([{ id: "bravo", url: "tcp://b:2375", knownHosts: keyLine }])).message,
    ).toContain('host "bravo" (hosts[0]) field "knownHosts": applies to ssh:// hosts only');
  });
});
