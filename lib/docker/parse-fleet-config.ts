import { readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import type { z } from "zod";
import { WharfError } from "@/lib/core/errors";
import { privateKeyProblem } from "./private-key-problem";
import { defaultTimeoutMs, displayUrl, fleetConfigSchema, type Host } from "./host-config";

/**
 * Reads and validates the fleet file. Every problem is reported with the file, the host and the field, because
 * this runs at start-up and the message is all the operator gets.
 */
export function parseFleetConfig(file: string, text: string): Host[] {
  let raw: unknown;
  try {
    raw = /\.ya?ml$/i.test(file) ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    throw new WharfError(
      "VALIDATION",
      `Invalid fleet config ${file}: cannot parse it (${(error as Error).message})`,
    );
  }
  return resolveFleetConfig(file, raw, path.dirname(path.resolve(file)));
}

/**
 * Validates a parsed fleet (a file's, or the Docker contexts', lib/docker/load-fleet.ts) and loads what its hosts
 * name: TLS material, known hosts and keys, paths resolved from `baseDir`. `file` names the source in messages.
 */
export function resolveFleetConfig(file: string, raw: unknown, baseDir: string): Host[] {
  const result = fleetConfigSchema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => describeIssue(raw, issue));
    throw new WharfError("VALIDATION", `Invalid fleet config ${file}: ${problems.join("; ")}`);
  }
  return result.data.hosts.map((host, index) => {
    const where = `host "${host.id}" (hosts[${index}])`;
    return {
      id: host.id,
      name: host.name ?? host.id,
      url: host.url,
      displayUrl: displayUrl(host.url),
      timeoutMs: host.timeoutMs ?? defaultTimeoutMs(host.url),
      ...(host.allowedImages ? { allowedImages: host.allowedImages } : {}),
      ...(host.console === false ? { console: false } : {}),
      ...(host.knownHosts || host.identityFile
        ? { ssh: sshOptions(host.knownHosts, host.identityFile, baseDir, file, where) }
        : {}),
      tls: host.tls && {
        ca:
          host.tls.ca === undefined
            ? undefined
            : readPem(host.tls.ca, baseDir, file, `${where} field "tls.ca"`),
        cert: readPem(host.tls.cert, baseDir, file, `${where} field "tls.cert"`),
        key: readPem(host.tls.key, baseDir, file, `${where} field "tls.key"`),
      },
    };
  });
}

function describeIssue(raw: unknown, issue: z.core.$ZodIssue): string {
  const [first, index, ...field] = issue.path;
  if (first === "hosts" && typeof index === "number") {
    const hosts = (raw as { hosts?: unknown[] }).hosts;
    const id = (hosts?.[index] as { id?: unknown } | undefined)?.id;
    const label = typeof id === "string" ? `host "${id}" (hosts[${index}])` : `hosts[${index}]`;
    if (field.length === 0) return `${label}: ${issue.message}`;
    return `${label} field "${field.join(".")}": ${issue.message}`;
  }
  return `field "${issue.path.join(".") || "(root)"}": ${issue.message}`;
}

function sshOptions(
  knownHosts: string | undefined,
  identityFile: string | undefined,
  baseDir: string,
  file: string,
  where: string,
): NonNullable<Host["ssh"]> {
  const options: NonNullable<Host["ssh"]> = {};
  if (knownHosts !== undefined) {
    // known_hosts lines hold a key type and a key after the host names; a path holds neither space nor key.
    const inline = /\s(ssh-|ecdsa-|sk-)/.test(knownHosts);
    const source = inline ? `the knownHosts of ${where} in ${file}` : path.resolve(baseDir, knownHosts);
    const text = inline ? knownHosts : readText(source, file, `${where} field "knownHosts"`);
    options.knownHosts = { text, source };
  }
  if (identityFile !== undefined) {
    const key = identityFile.includes("-----BEGIN")
      ? identityFile
      : readText(path.resolve(baseDir, identityFile), file, `${where} field "identityFile"`);
    const problem = privateKeyProblem(key);
    if (problem)
      throw new WharfError(
        "VALIDATION",
        `Invalid fleet config ${file}: ${where} field "identityFile": ${problem}`,
      );
    options.privateKey = key;
  }
  return options;
}

function readText(resolved: string, file: string, where: string): string {
  try {
    return readFileSync(resolved, "utf8");
  } catch {
    throw new WharfError("VALIDATION", `Invalid fleet config ${file}: ${where}: cannot read ${resolved}`);
  }
}

function readPem(value: string, baseDir: string, file: string, where: string): string {
  if (value.includes("-----BEGIN")) return value;
  const resolved = path.resolve(baseDir, value);
  try {
    return readFileSync(resolved, "utf8");
  } catch {
    throw new WharfError("VALIDATION", `Invalid fleet config ${file}: ${where}: cannot read ${resolved}`);
  }
}
