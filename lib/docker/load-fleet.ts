import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { WharfError } from "@/lib/core/errors";
import { defaultTimeoutMs, displayUrl, type Host } from "./host-config";
import { contextsToAdd, dockerConfigDir, readDockerContexts } from "./docker-contexts.mjs";
import { parseFleetConfig, resolveFleetConfig } from "./parse-fleet-config";

let cached: Host[] | undefined;

/** The configured hosts, read once per process: the fleet file does not change under a running server. */
export function loadFleet(env: NodeJS.ProcessEnv = process.env): Host[] {
  cached ??= readFleet(env);
  return cached;
}

export function findHost(hostId: string): Host {
  const host = loadFleet().find((candidate) => candidate.id === hostId);
  if (!host) throw new WharfError("NOT_FOUND", `Host "${hostId}" is not in the fleet`);
  return host;
}

function readFleet(env: NodeJS.ProcessEnv): Host[] {
  const configured = readConfiguredFleet(env);
  if (env.WHARF_DOCKER_CONTEXTS !== "1") return configured;
  const { hosts, notes } = readDockerContexts(env);
  for (const note of notes) console.warn(`[wharf] docker contexts: ${note}`);
  const added = contextsToAdd(configured, hosts);
  if (added.length === 0) return configured;
  const dir = dockerConfigDir(env);
  return [...configured, ...resolveFleetConfig(`(Docker contexts in ${dir})`, { hosts: added }, dir)];
}

function readConfiguredFleet(env: NodeJS.ProcessEnv): Host[] {
  const file = env.FLEET_CONFIG;
  if (file) {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (error) {
      throw new WharfError(
        "VALIDATION",
        `Cannot read fleet config ${file} (FLEET_CONFIG): ${(error as NodeJS.ErrnoException).code ?? "error"}`,
      );
    }
    return parseFleetConfig(file, text);
  }
  return [localHostFromEnv(env)];
}

/** Without a fleet file Wharf manages one host, found the way the docker CLI finds it. */
function localHostFromEnv(env: NodeJS.ProcessEnv): Host {
  const url = env.DOCKER_HOST || "unix:///var/run/docker.sock";
  const verify =
    env.DOCKER_TLS_VERIFY !== undefined && env.DOCKER_TLS_VERIFY !== "" && env.DOCKER_TLS_VERIFY !== "0";
  const host: Host = {
    id: "local",
    name: "Local",
    url,
    displayUrl: displayUrl(url),
    timeoutMs: defaultTimeoutMs(url),
  };
  if (verify) {
    const certPath = env.DOCKER_CERT_PATH || path.join(env.HOME ?? "/root", ".docker");
    const read = (name: string) => {
      try {
        return readFileSync(path.join(certPath, name), "utf8");
      } catch {
        throw new WharfError(
          "VALIDATION",
          `DOCKER_TLS_VERIFY is set but ${path.join(certPath, name)} cannot be read`,
        );
      }
    };
    host.tls = { ca: read("ca.pem"), cert: read("cert.pem"), key: read("key.pem") };
  }
  return host;
}

/** Forget the loaded fleet; tests use it to load another file. */
export function resetFleetForTests(): void {
  cached = undefined;
}
