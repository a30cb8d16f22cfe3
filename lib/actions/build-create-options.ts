import type { ImageInspect, RawContainerInspect } from "@/lib/docker/types";

export type CreatePlan = {
  /** Body of POST /containers/create (with `name`). */
  options: Record<string, unknown> & { name: string; Image: string };
  /** Networks beyond the first, connected after create (API 1.41 creates with one network only). */
  extraNetworks: { name: string; endpoint: Record<string, unknown> }[];
  /** What cannot be reproduced faithfully: the recreate must not go ahead. */
  refusals: string[];
};

type ImageConfig = NonNullable<ImageInspect["Config"]>;

// Config fields that an image can default: a container value equal to the old image's default gives way to
// the new image's (as Watchtower does), so a new image's CMD, ENV or LABEL changes take effect.
const IMAGE_DEFAULTED = ["Cmd", "Entrypoint", "WorkingDir", "User", "StopSignal", "Healthcheck"] as const;

/**
 * Plans the recreation of a container on another image with everything that was set for it: the whole
 * HostConfig, the container's own Config values, its networks and its name. Pure, so every rule is testable.
 */
export function buildCreateOptions(
  old: RawContainerInspect,
  oldImage: ImageInspect | null,
  image: string,
): CreatePlan {
  const refusals: string[] = [];
  const name = old.Name.replace(/^\//, "");
  const defaults: ImageConfig = oldImage?.Config ?? {};
  const config: Record<string, unknown> = { ...old.Config };

  for (const field of IMAGE_DEFAULTED) {
    if (defaults[field] !== undefined && sameValue(config[field], defaults[field])) delete config[field];
  }
  config.Env = subtractList(old.Config.Env ?? [], defaults.Env ?? []);
  config.Labels = subtractRecord(old.Config.Labels ?? {}, defaults.Labels ?? {});
  config.ExposedPorts = subtractKeys(
    (old.Config.ExposedPorts as Record<string, object>) ?? {},
    defaults.ExposedPorts ?? {},
  );
  config.Volumes = subtractKeys((old.Config.Volumes as Record<string, object>) ?? {}, defaults.Volumes ?? {});
  // Docker makes up a hostname from the container id when none is given: a new container gets its own.
  if (config.Hostname === old.Id.slice(0, 12)) delete config.Hostname;
  config.Image = image;

  const hostConfig: Record<string, unknown> = { ...old.HostConfig };
  const labels = old.Config.Labels ?? {};
  if (labels["com.docker.swarm.service.id"])
    refusals.push("it belongs to a swarm service: redeploy the service instead");
  if (hostConfig.AutoRemove)
    refusals.push("it was created with --rm (AutoRemove): stopping it would delete it");
  // Legacy links read back as "/db:/web/alias"; create wants "db:alias".
  if (Array.isArray(hostConfig.Links)) {
    hostConfig.Links = (hostConfig.Links as string[]).map((link) => {
      const [target, alias] = link.split(":");
      return `${target?.replace(/^\//, "")}:${alias?.split("/").pop()}`;
    });
  }
  // Anonymous volumes would be created afresh, losing their data: mount the existing ones explicitly.
  const explicit = new Set([
    ...((hostConfig.Binds as string[] | null) ?? []).map((b) => b.split(":")[1]),
    ...((hostConfig.Mounts as { Target: string }[] | null) ?? []).map((m) => m.Target),
  ]);
  const anonymous = (old.Mounts ?? []).filter(
    (m) => m.Type === "volume" && m.Name && /^[0-9a-f]{64}$/.test(m.Name) && !explicit.has(m.Destination),
  );
  if (anonymous.length > 0) {
    hostConfig.Mounts = [
      ...((hostConfig.Mounts as object[] | null) ?? []),
      ...anonymous.map((m) => ({ Type: "volume", Source: m.Name, Target: m.Destination, ReadOnly: !m.RW })),
    ];
  }

  const networkMode = String(hostConfig.NetworkMode ?? "default");
  const networks = Object.entries(old.NetworkSettings?.Networks ?? {});
  const shareStack = networkMode === "none" || networkMode === "host" || networkMode.startsWith("container:");
  const endpoints = shareStack
    ? []
    : networks.map(([net, endpoint]) => ({ name: net, endpoint: toEndpoint(endpoint, old.Id) }));
  const primary =
    endpoints.find((e) => e.name === networkMode || (networkMode === "default" && e.name === "bridge")) ??
    endpoints[0];

  return {
    options: {
      ...config,
      name,
      Image: image,
      HostConfig: hostConfig,
      ...(primary ? { NetworkingConfig: { EndpointsConfig: { [primary.name]: primary.endpoint } } } : {}),
    },
    extraNetworks: endpoints.filter((e) => e !== primary),
    refusals,
  };
}

/** Keeps what the user set on an endpoint; addresses the engine assigned are not ours to pin. */
function toEndpoint(endpoint: Record<string, unknown>, oldId: string): Record<string, unknown> {
  const aliases = ((endpoint.Aliases as string[] | null) ?? []).filter((alias) => !oldId.startsWith(alias));
  return {
    ...(endpoint.IPAMConfig ? { IPAMConfig: endpoint.IPAMConfig } : {}),
    ...(endpoint.Links ? { Links: endpoint.Links } : {}),
    ...(aliases.length ? { Aliases: aliases } : {}),
    ...(endpoint.DriverOpts ? { DriverOpts: endpoint.DriverOpts } : {}),
  };
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function subtractList(values: string[], defaults: string[]): string[] {
  const inherited = new Set(defaults);
  return values.filter((value) => !inherited.has(value));
}

function subtractRecord(
  values: Record<string, string>,
  defaults: Record<string, string>,
): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([key, value]) => defaults[key] !== value));
}

function subtractKeys(
  values: Record<string, object>,
  defaults: Record<string, object>,
): Record<string, object> {
  return Object.fromEntries(Object.entries(values).filter(([key]) => !(key in defaults)));
}
