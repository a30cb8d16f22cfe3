// compose.ha.yaml is for users' machines: it is read and checked here, never started (it would make bridge
// networks). HAProxy's configuration is checked by HAProxy itself.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { parse } from "yaml";
import { databaseConfig } from "@/lib/db/database-config";
import { allowedHosts } from "@/lib/core/listen-origins.mjs";
import { repoRoot } from "../support/fleet";

type Service = {
  image?: string;
  environment?: Record<string, string>;
  volumes?: string[];
  ports?: string[];
};

// What a user sets before `docker compose up`; everything else takes the file's defaults.
const userEnv: Record<string, string> = { WHARF_DB_PASSWORD: "sqh-secret" };

/** Compose's `${VAR}`, `${VAR:-default}` and `${VAR:?message}`, as it fills them from the user's environment. */
function interpolate(value: string): string {
  return value.replace(/\$\{(\w+)(?::([-?])([^}]*))?\}/g, (_, name: string, kind?: string, rest?: string) => {
    const set = userEnv[name];
    if (set) return set;
    if (kind === "?") throw new Error(`compose would refuse: ${rest}`);
    return kind === "-" ? (rest ?? "") : "";
  });
}

function loadCompose() {
  const text = readFileSync(path.join(repoRoot, "compose.ha.yaml"), "utf8");
  const file = parse(text, { merge: true }) as { services: Record<string, Service> };
  const env = (service: Service) =>
    Object.fromEntries(
      Object.entries(service.environment ?? {}).map(([k, v]) => [k, interpolate(String(v))]),
    );
  return { services: file.services, env };
}

it("runs PostgreSQL, two Wharf replicas on one DATABASE_URL with names of their own, and HAProxy", () => {
  const { services, env } = loadCompose();
  expect(Object.keys(services).sort()).toEqual(["haproxy", "postgres", "wharf-1", "wharf-2"]);
  const replicas = [services["wharf-1"]!, services["wharf-2"]!];
  for (const replica of replicas) {
    // The image `npm run image` builds.
    expect(replica.image).toBe("wharf");
    const config = databaseConfig({ ...env(replica), DATA_DIR: "/data" });
    expect(config).toMatchObject({ dialect: "postgres", host: "postgres:5432" });
  }
  const [one, two] = replicas.map(env) as [Record<string, string>, Record<string, string>];
  expect(one.DATABASE_URL).toBe(two.DATABASE_URL);
  expect(one.DATABASE_URL).toContain(`:${userEnv.WHARF_DB_PASSWORD}@`);
  expect(env(services.postgres!).POSTGRES_PASSWORD).toBe(userEnv.WHARF_DB_PASSWORD);
  expect([one.WHARF_REPLICA_NAME, two.WHARF_REPLICA_NAME]).toEqual(["wharf-1", "wharf-2"]);
  expect(one.WHARF_PUBLIC_URL).toBe(two.WHARF_PUBLIC_URL);
  // Each replica its own data folder: two on one would share its files.
  const dataVolumes = replicas.map((replica) => replica.volumes?.find((volume) => volume.endsWith(":/data")));
  expect(new Set(dataVolumes).size).toBe(2);
  expect(dataVolumes).not.toContain(undefined);
  // Users reach HAProxy, at the address the replicas answer to.
  expect(services.haproxy!.ports).toEqual(["127.0.0.1:8080:8080"]);
  expect(new URL(one.WHARF_PUBLIC_URL!).port).toBe("8080");
});

it("mounts an HAProxy configuration that HAProxy accepts, checking /api/health with a Host the replicas answer to", () => {
  const { services, env } = loadCompose();
  const haproxy = services.haproxy!;
  const mount = haproxy.volumes?.find((volume) => volume.endsWith(":/usr/local/etc/haproxy/haproxy.cfg:ro"));
  expect(mount?.split(":")[0]).toBe("./deploy/haproxy.cfg");
  const file = path.join(repoRoot, "deploy/haproxy.cfg");
  const text = readFileSync(file, "utf8");
  const lines = text.split("\n").map((line) => line.trim());
  expect(lines).toContain("option httpchk GET /api/health");
  // Event streams stay open as long as a page does.
  expect(lines).toContain("timeout tunnel 1h");
  // One server line per replica service, on the port the image listens on.
  const servers = lines.filter((line) => line.startsWith("server ")).map((line) => line.split(/\s+/)[2]);
  expect(servers).toEqual(["wharf-1:3000", "wharf-2:3000"]);

  const haproxyEnv = env(haproxy);
  const check = spawnSync("haproxy", ["-c", "-f", file], {
    encoding: "utf8",
    env: { ...process.env, ...haproxyEnv },
  });
  if (check.error) throw new Error("HAProxy is missing: apt-get install -y haproxy");
  expect(`${check.stdout}${check.stderr}`).toContain("Configuration file is valid");
  expect(check.status).toBe(0);

  // The health check's Host is one the replica's request guard lets through (else every check fails: 403).
  expect(lines).toContain('http-check send ver HTTP/1.1 hdr Host "${WHARF_PUBLIC_HOST}"');
  const replicaEnv = { ...env(services["wharf-1"]!), WHARF_HOSTNAME: "0.0.0.0", PORT: "3000" };
  expect(allowedHosts(replicaEnv, []).has(haproxyEnv.WHARF_PUBLIC_HOST!)).toBe(true);
});
