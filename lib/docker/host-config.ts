import { z } from "zod";

/** A PEM value, given inline or as a path to a file (relative paths resolve from the config file). */
const pemSource = z.string().min(1, "must not be empty");

export const hostTlsSchema = z
  .object({
    ca: pemSource.optional(),
    cert: pemSource,
    key: pemSource,
  })
  .strict();

export const hostConfigSchema = z
  .object({
    id: z
      .string()
      .regex(
        /^[a-z0-9](?:[a-z0-9-]{0,62})$/,
        "must be a slug: lowercase letters, digits and dashes, up to 63",
      ),
    name: z.string().min(1).max(100).optional(),
    url: z.string().refine((value) => /^(unix|tcp|ssh):\/\/.+/.test(value), {
      message: "must be unix:///path, tcp://host:port or ssh://user@host",
    }),
    tls: hostTlsSchema.optional(),
    // ssh:// only. The host keys this host may present (OpenSSH known_hosts lines, or a path to such a file);
    // without it, ~/.ssh/known_hosts and /etc/ssh/ssh_known_hosts. A key not listed there is refused.
    knownHosts: z.string().min(1, "must not be empty").optional(),
    // ssh:// only. A private key (PEM/OpenSSH text or a path), offered along with the agent's keys.
    identityFile: z.string().min(1, "must not be empty").optional(),
    timeoutMs: z.number().int().min(100).max(60_000).optional(),
    // Globs over normalised references (`127.0.0.1:5000/*`): the only images a redeploy may run on this host,
    // whoever asks. Matched by lib/actions/image-rule.ts.
    allowedImages: z
      .array(z.string().regex(/^[\w.:/@*?-]{1,255}$/, "must be an image pattern such as 127.0.0.1:5000/*"))
      .min(1, "must list at least one pattern (leave the field out to allow any image)")
      .optional(),
    // false: no console into this host's containers, whoever asks (lib/console).
    console: z.boolean().optional(),
  })
  .strict()
  .superRefine((host, ctx) => {
    if (host.url.startsWith("ssh://")) return;
    for (const field of ["knownHosts", "identityFile"] as const) {
      if (host[field] !== undefined)
        ctx.addIssue({ code: "custom", path: [field], message: "applies to ssh:// hosts only" });
    }
  });
export type HostConfig = z.infer<typeof hostConfigSchema>;

export const fleetConfigSchema = z
  .object({ hosts: z.array(hostConfigSchema).min(1, "must list at least one host") })
  .strict()
  .superRefine((fleet, ctx) => {
    const seen = new Set<string>();
    fleet.hosts.forEach((host, index) => {
      if (seen.has(host.id)) {
        ctx.addIssue({
          code: "custom",
          path: ["hosts", index, "id"],
          message: `duplicate host id "${host.id}"`,
        });
      }
      seen.add(host.id);
    });
  });
export type FleetConfig = z.infer<typeof fleetConfigSchema>;

/** Wharf's view of a host once its config is resolved: TLS material loaded, timeout settled. */
export type Host = {
  id: string;
  name: string;
  url: string;
  /** The URL with any user or password removed, safe to show and to return from the API. */
  displayUrl: string;
  timeoutMs: number;
  tls?: { ca?: string; cert: string; key: string };
  /** ssh:// hosts: the known_hosts text to verify the host key with (and where it came from), a private key. */
  ssh?: { knownHosts?: { text: string; source: string }; privateKey?: string };
  /** When set, a redeploy on this host may only run images matching one of these patterns. */
  allowedImages?: string[];
  /** false when the fleet file turned the console off for this host. */
  console?: false;
};

export const DEFAULT_TIMEOUT_MS = 3000;
/**
 * An ssh:// host's first answer includes the SSH handshake and starting `docker system dial-stdio` on the host:
 * about 2 s on a loaded machine, so the default for other hosts would show it down at every start.
 */
export const DEFAULT_SSH_TIMEOUT_MS = 10_000;

export function defaultTimeoutMs(url: string): number {
  return url.startsWith("ssh://") ? DEFAULT_SSH_TIMEOUT_MS : DEFAULT_TIMEOUT_MS;
}

/**
 * The URL as shown and returned by the API: scheme, host and port (a unix socket's path), nothing else — no user
 * info, no query, no fragment. Parsed the way the Docker client parses it (lib/docker/get-client.ts). An "@"
 * after the host means a "/", "?" or "#" in the password cut the host part short, so the parsed "host" may be
 * the user name and the start of the password: such a URL is not shown at all.
 */
export function displayUrl(url: string): string {
  const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(url)?.[0]?.toLowerCase() ?? "invalid:";
  const hidden = `${scheme}//(not shown: percent-encode any "/", "?", "#" or "@" in the user name or password)`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return hidden;
  }
  if (parsed.protocol === "unix:") return `unix://${parsed.pathname}`;
  if (`${parsed.pathname}${parsed.search}${parsed.hash}`.includes("@")) return hidden;
  return `${parsed.protocol}//${parsed.host}`;
}
