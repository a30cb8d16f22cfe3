import type { Engine } from "./fleet";
import { buildAndPush, REGISTRY } from "./images";

/**
 * A command that runs until told to crash: `docker exec C touch /tmp/crash` makes it exit 3 once (a crash
 * nobody asked for, at a moment the test chooses, no timer involved); started again, it runs for good.
 */
export const CRASH_ON_SIGNAL = [
  "sh",
  "-c",
  "trap 'exit 0' TERM; if [ ! -f /tmp/crashed ]; then while [ ! -f /tmp/crash ]; do sleep 0.2; done; touch /tmp/crashed; exit 3; fi; while :; do sleep 1; done",
];

export type OciImage = {
  ref: string;
  id: string;
  digest: string;
  version: string;
  revision: string;
  created: string;
};

/** Builds and pushes an image carrying the OCI provenance labels, as a CI pipeline does. */
export async function buildOciImage(
  engine: Engine,
  repo: string,
  tag: string,
  options: { version: string; revision: string; created: string; cmd?: string[] },
): Promise<OciImage> {
  const ref = `${repo}:${tag}`;
  const built = await buildAndPush(engine, ref, {
    version: options.version,
    cmd: options.cmd ?? CRASH_ON_SIGNAL,
    labels: {
      "org.opencontainers.image.version": options.version,
      "org.opencontainers.image.revision": options.revision,
      "org.opencontainers.image.source": "https://github.com/acme/shop",
      "org.opencontainers.image.created": options.created,
    },
  });
  return { ref, ...built, version: options.version, revision: options.revision, created: options.created };
}

export const uniqueRepo = (prefix: string) =>
  `${REGISTRY}/${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
