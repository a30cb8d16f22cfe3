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
    timeoutMs: z.number().int().min(100).max(60_000).optional(),
  })
  .strict();
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
};

export const DEFAULT_TIMEOUT_MS = 3000;

export function displayUrl(url: string): string {
  // Greedy up to the last "@" of the authority, as URL parsers do, so an unencoded "@" in a password is removed too.
  return url.replace(/^([a-z]+:\/\/)[^/]*@/, "$1");
}
