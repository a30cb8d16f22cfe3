import "server-only";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

type AuthConfig = { username?: string; password?: string; auth?: string; serveraddress: string };

/**
 * Credentials for the registry of an image reference, from the standard Docker config file
 * ($DOCKER_CONFIG/config.json or ~/.docker/config.json), the way the docker CLI finds them.
 */
export function registryAuthFor(ref: string): AuthConfig | undefined {
  const registry = registryOf(ref);
  const config = readDockerConfig();
  if (!config) return undefined;
  const candidates =
    registry === "docker.io"
      ? ["https://index.docker.io/v1/", "docker.io", "index.docker.io"]
      : [registry, `https://${registry}`, `http://${registry}`];
  for (const key of candidates) {
    const entry = config.auths?.[key];
    if (!entry) continue;
    if (entry.auth) {
      const [username, ...rest] = Buffer.from(entry.auth, "base64").toString("utf8").split(":");
      return { username, password: rest.join(":"), serveraddress: registry };
    }
    return { username: entry.username, password: entry.password, serveraddress: registry };
  }
  return undefined;
}

type DockerConfig = { auths?: Record<string, { auth?: string; username?: string; password?: string }> };

function readDockerConfig(): DockerConfig | undefined {
  const file = path.join(process.env.DOCKER_CONFIG || path.join(os.homedir(), ".docker"), "config.json");
  try {
    return JSON.parse(readFileSync(file, "utf8")) as DockerConfig;
  } catch {
    return undefined;
  }
}

/** The registries Docker's config file holds credentials for, as host[:port] ("127.0.0.1:5000"). */
export function configuredRegistries(): string[] {
  return Object.keys(readDockerConfig()?.auths ?? {}).map((key) =>
    key.replace(/^https?:\/\//, "").replace(/\/.*$/, ""),
  );
}

/** "127.0.0.1:5000/app:v2" → "127.0.0.1:5000"; "nginx" → "docker.io". */
export function registryOf(ref: string): string {
  const first = ref.split("/")[0] ?? "";
  return ref.includes("/") && (first.includes(".") || first.includes(":") || first === "localhost")
    ? first
    : "docker.io";
}
