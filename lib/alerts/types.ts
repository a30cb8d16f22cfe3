// Plain constants and types only: the settings page imports these, and zod should not come with them.

/** What a channel's rules can ask to be told about. */
export const alertEvents = [
  "incident.opened",
  "incident.ended",
  "deploy.failed",
  "deploy.succeeded",
  "host.down",
  "host.up",
  "autoheal.acted",
  "autoheal.gave-up",
] as const;
export type AlertEvent = (typeof alertEvents)[number];

/**
 * The `event` of a message as sent. `incident.updated` (the one update an open incident gets, e.g. when it
 * becomes a restart loop) goes to channels that asked for `incident.opened`; `digest` stands for messages a
 * rate limit held back; `test` is the settings page's test button.
 */
export type MessageEvent = AlertEvent | "incident.updated" | "digest" | "test";

export const channelKinds = ["webhook", "slack", "email"] as const;
export type ChannelKind = (typeof channelKinds)[number];

/** Which events a channel gets, narrowed by where they happen. Empty or null filters match everything. */
export type ChannelRules = {
  events: AlertEvent[];
  hostIds: string[];
  composeProject: string | null;
  /** A container name pattern: `*` any run of characters, `?` one character; the whole name must match. */
  containerGlob: string | null;
  /** `key` (the label is set) or `key=value`. */
  label: string | null;
};

/** What an admin reads back about a channel: never a URL's path, query or credentials, never a secret. */
export type ChannelInfo = {
  id: number;
  name: string;
  kind: ChannelKind;
  enabled: boolean;
  rules: ChannelRules;
  /** webhook/slack: `{url: "https://hooks.example.com/…", hasSecret}`; email: host, port, secure, user, from, to, hasPassword. */
  settings: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
};

/** One try to deliver one message. */
export type DeliveryInfo = {
  id: number;
  at: string;
  event: MessageEvent;
  /** The outbox message's id (the webhook body's `id`); null for a test. */
  messageId: number | null;
  try: number;
  ok: boolean;
  /** The receiver's HTTP status (webhook, slack); null for email or when no answer came. */
  status: number | null;
  error: string | null;
};

export type AlertContainer = {
  name: string;
  id: string | null;
  image: string | null;
  /** The image id the container runs (`sha256:…`), when Wharf knows it. */
  digest: string | null;
  composeProject: string | null;
  composeService: string | null;
};

/** A message, whatever the channel: rendered into each channel's format when it is sent. */
export type AlertMessage = {
  event: MessageEvent;
  at: string;
  title: string;
  /** What happened, a few short lines. */
  details: string[];
  host: { id: string; name: string } | null;
  container: AlertContainer | null;
  /** The swarm service an incident is about (then `container` is null). */
  service: { name: string; id: string } | null;
  incident: {
    id: number;
    /** `container` or `service`. */
    target: string;
    kind: string;
    exitCode: number | null;
    oom: boolean;
    count: number;
    lastStderr: string | null;
    healthOutput: string | null;
    openedAt: string;
    endedAt: string | null;
    /** `recovered`, `removed`, `replaced` (by a redeploy), once ended. */
    endReason: string | null;
    /** A service's: the error its failed task gave, or how many replicas run. */
    error: string | null;
  } | null;
  deploy: { historyId: number; action: string; outcome: string | null; message: string | null } | null;
  autoheal: AutohealNotice | null;
  /** The container's last log lines (at most 20, at most 2 KB), oldest first. */
  logTail: string[];
  /** For a digest: the messages held back. */
  held: { event: string; title: string; at: string }[];
  url: string | null;
};

/** What auto-heal tells `notify()` (lib/alerts/notify.ts). */
export type AutohealNotice = {
  event: "autoheal.acted" | "autoheal.gave-up";
  hostId: string;
  containerName: string;
  /** What it did: `restart` an unhealthy container, `start` a crashed one. */
  action: "restart" | "start";
  /** Why: e.g. `unhealthy`, `exit 1`, `oom`. */
  reason: string;
  /** 1 for the first try. */
  attempt: number;
  /** Whether the try worked (`autoheal.acted`); null when unknown. */
  succeeded: boolean | null;
  error: string | null;
  /** The deploy-history row of the try, when there is one. */
  historyId: number | null;
  /** When the next try is due, if any. */
  nextTryAt: string | null;
  at: string;
};
