import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { contextHostId, contextsToAdd, readDockerContexts } from "./docker-contexts.mjs";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "wharf-contexts-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a context the way `docker context create` stores it. */
function context(name: string, host: string, tls: string[] = [], skipVerify = false): string {
  const hash = createHash("sha256").update(name).digest("hex");
  mkdirSync(path.join(dir, "contexts/meta", hash), { recursive: true });
  writeFileSync(
    path.join(dir, "contexts/meta", hash, "meta.json"),
    JSON.stringify({
      Name: name,
      Metadata: {},
      Endpoints: { docker: { Host: host, SkipTLSVerify: skipVerify } },
    }),
  );
  const tlsDir = path.join(dir, "contexts/tls", hash, "docker");
  if (tls.length > 0) mkdirSync(tlsDir, { recursive: true });
  for (const file of tls) writeFileSync(path.join(tlsDir, file), "pem");
  return tlsDir;
}

describe("readDockerContexts", () => {
  it("turns each context into a host, in name order, with its TLS files", () => {
    const tlsDir = context("Prod Box", "tcp://10.0.0.5:2376", ["ca.pem", "cert.pem", "key.pem"]);
    context("edge", "ssh://deploy@edge.example");
    context("local-sock", "unix:///var/run/docker.sock");
    const { hosts, notes } = readDockerContexts({ DOCKER_CONFIG: dir });
    expect(notes).toEqual([]);
    expect(hosts).toEqual([
      {
        id: "prod-box",
        name: "Prod Box",
        url: "tcp://10.0.0.5:2376",
        tls: {
          ca: path.join(tlsDir, "ca.pem"),
          cert: path.join(tlsDir, "cert.pem"),
          key: path.join(tlsDir, "key.pem"),
        },
      },
      { id: "edge", name: "edge", url: "ssh://deploy@edge.example" },
      { id: "local-sock", name: "local-sock", url: "unix:///var/run/docker.sock" },
    ]);
  });

  it("leaves out what Wharf cannot reach, saying why", () => {
    context("pipe", "npipe:////./pipe/docker_engine");
    context("server-tls-only", "tcp://h:2376", ["ca.pem"]);
    context("insecure", "tcp://h:2376", ["cert.pem", "key.pem"], true);
    const { hosts, notes } = readDockerContexts({ DOCKER_CONFIG: dir });
    expect(hosts.map((host) => host.id)).toEqual(["insecure"]);
    expect(notes).toEqual([
      expect.stringContaining('context "insecure": skips TLS verification'),
      expect.stringContaining('context "pipe": its Docker endpoint "npipe:'),
      expect.stringContaining('context "server-tls-only": TLS without a client certificate'),
    ]);
  });

  it("finds nothing in a Docker config without contexts", () => {
    expect(readDockerContexts({ DOCKER_CONFIG: path.join(dir, "none") })).toEqual({ hosts: [], notes: [] });
  });
});

describe("contextHostId and contextsToAdd", () => {
  it("makes unique slugs of context names", () => {
    const taken = new Set<string>();
    expect(contextHostId("My_Box", taken)).toBe("my-box");
    expect(contextHostId("my box", taken)).toBe("my-box-2");
    expect(contextHostId("***", taken)).toBe("context");
  });

  it("adds only contexts whose id and endpoint the fleet does not have", () => {
    const fleet = [{ id: "alpha", url: "unix:///a.sock" }];
    const contexts = [
      { id: "alpha", name: "alpha", url: "tcp://x:1" },
      { id: "again", name: "again", url: "unix:///a.sock" },
      { id: "new", name: "new", url: "tcp://y:1" },
    ];
    expect(contextsToAdd(fleet, contexts).map((host) => host.id)).toEqual(["new"]);
  });
});
