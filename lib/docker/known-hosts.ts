import { createHash, createHmac } from "node:crypto";

/** One line of an OpenSSH known_hosts file. */
export type KnownHostEntry = {
  marker?: "@revoked" | "@cert-authority";
  /** The comma-separated host patterns, or one hashed name (`|1|salt|hash`). */
  hosts: string;
  keyType: string;
  /** The key blob as the server sends it during the handshake. */
  key: Buffer;
};

export type HostKeyVerdict = { ok: true } | { ok: false; reason: string };

/** Reads known_hosts text the way ssh does: comments, blank and malformed lines are skipped. */
export function parseKnownHosts(text: string): KnownHostEntry[] {
  const entries: KnownHostEntry[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const fields = line.split(/\s+/);
    const marker = fields[0] === "@revoked" || fields[0] === "@cert-authority" ? fields.shift() : undefined;
    const [hosts, keyType, base64] = fields;
    if (!hosts || !keyType || !base64) continue;
    const key = Buffer.from(base64, "base64");
    if (key.length === 0) continue;
    entries.push({ ...(marker ? { marker: marker as KnownHostEntry["marker"] } : {}), hosts, keyType, key });
  }
  return entries;
}

/** The name ssh looks a host up by: the bare host on port 22, `[host]:port` on any other. */
export function knownHostName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

/** The fingerprint `ssh-keygen -l` prints: SHA256:base64, no padding. */
export function fingerprint(key: Buffer): string {
  return `SHA256:${createHash("sha256").update(key).digest("base64").replace(/=+$/, "")}`;
}

/** The key type named inside an SSH key blob (its first string). */
export function blobKeyType(key: Buffer): string {
  if (key.length < 4) return "unknown";
  const length = key.readUInt32BE(0);
  return length > 0 && length < 64 && key.length >= 4 + length
    ? key.toString("ascii", 4, 4 + length)
    : "unknown";
}

function matchesPattern(pattern: string, name: string): boolean {
  if (pattern.startsWith("|1|")) {
    const [, , salt, hash] = pattern.split("|");
    if (!salt || !hash) return false;
    return createHmac("sha1", Buffer.from(salt, "base64")).update(name).digest("base64") === hash;
  }
  const regex = new RegExp(
    `^${pattern
      .toLowerCase()
      .replace(/[.+^${}()|\\]/g, "\\$&")
      .replace(/\[/g, "\\[")
      .replace(/\]/g, "\\]")
      .replace(/\*/g, ".*")
      .replace(/\?/g, ".")}$`,
  );
  return regex.test(name.toLowerCase());
}

/** Whether a known_hosts line names the host: any pattern matches and no negated (`!`) one does. */
export function entryNamesHost(entry: KnownHostEntry, name: string): boolean {
  let matched = false;
  for (const pattern of entry.hosts.split(",")) {
    if (pattern.startsWith("!")) {
      if (matchesPattern(pattern.slice(1), name)) return false;
    } else if (matchesPattern(pattern, name)) matched = true;
  }
  return matched;
}

/**
 * Checks the key a server offered against known_hosts, as `StrictHostKeyChecking yes` does: a listed key passes;
 * a revoked one, an unlisted host and a changed key fail, each with a reason the host's card can show.
 */
export function verifyHostKey(
  entries: KnownHostEntry[],
  host: string,
  port: number,
  key: Buffer,
  source: string,
): HostKeyVerdict {
  const name = knownHostName(host, port);
  const offered = `${blobKeyType(key)} ${fingerprint(key)}`;
  const forHost = entries.filter((entry) => entryNamesHost(entry, name));
  const revoked = entries.some((entry) => entry.marker === "@revoked" && entry.key.equals(key));
  if (revoked)
    return { ok: false, reason: `the host key of ${name} (${offered}) is marked @revoked in ${source}` };
  if (forHost.some((entry) => entry.marker === undefined && entry.key.equals(key))) return { ok: true };
  if (forHost.some((entry) => entry.marker === undefined)) {
    return {
      ok: false,
      reason:
        `the host key of ${name} does not match ${source}: the server offered ${offered}, which is not the key ` +
        `listed for it (the host was reinstalled, or someone is intercepting the connection)`,
    };
  }
  const scan = port === 22 ? `ssh-keyscan ${host}` : `ssh-keyscan -p ${port} ${host}`;
  return {
    ok: false,
    reason: `unknown host key for ${name} (${offered}): ${source} does not list this host; check the fingerprint and add the key (\`${scan}\`)`,
  };
}
