import "server-only";
import type { StoredChannel } from "./db/channel-table";
import { channelRulesSchema } from "./schemas";
import type { ChannelInfo, ChannelKind } from "./types";

/** Fields an admin writes and never reads back. */
const secretFields: Record<ChannelKind, readonly string[]> = {
  webhook: ["url", "secret"],
  slack: ["url"],
  email: ["password"],
};

/** Splits validated settings into what may be shown and what stays on the server. */
export function splitSettings(kind: ChannelKind, all: Record<string, unknown>) {
  const settings: Record<string, unknown> = {};
  const secrets: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(all))
    (secretFields[kind].includes(key) ? secrets : settings)[key] = value;
  return { settings, secrets };
}

/** A URL with its path, query and credentials left out: enough to recognise the receiver, not to call it. */
export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const more = parsed.pathname !== "/" || parsed.search !== "" ? "/…" : "";
    return `${parsed.protocol}//${parsed.host}${more}`;
  } catch {
    return "(invalid URL)";
  }
}

export function toChannelInfo(channel: StoredChannel): ChannelInfo {
  const kind = channel.kind as ChannelKind;
  const shown: Record<string, unknown> = { ...channel.settings };
  if (kind === "webhook" || kind === "slack") shown.url = displayUrl(String(channel.secrets.url ?? ""));
  if (kind === "webhook") shown.hasSecret = typeof channel.secrets.secret === "string";
  if (kind === "email") shown.hasPassword = typeof channel.secrets.password === "string";
  return {
    id: channel.id,
    name: channel.name,
    kind,
    enabled: channel.enabled,
    rules: channelRulesSchema.parse(channel.rules),
    settings: shown,
    createdAt: channel.createdAt,
    updatedAt: channel.updatedAt,
  };
}
