// Plain constants and types only: the browser's console reads these too.

/** What POST …/console answers: a ticket the WebSocket upgrade redeems once, within `expiresAt`. */
export type ConsoleTicket = { ticket: string; url: string; expiresAt: string };

/**
 * Why a console ended, sent as the last text frame (`{type:"end", reason, message}`) and as the close reason.
 * The close codes are in the range the WebSocket protocol leaves to applications.
 */
export const consoleEnds = {
  exited: 1000,
  "access ended": 4001,
  idle: 4002,
  "container stopped": 4003,
  "no shell": 4004,
  failed: 4005,
  // The WebSocket protocol's "going away": the server is stopping.
  "server stopping": 1001,
} as const;
export type ConsoleEndReason = keyof typeof consoleEnds;
export type ConsoleEnd = { type: "end"; reason: ConsoleEndReason; message: string };

/** What the browser sends as a text frame; keystrokes go as binary frames. */
export type ConsoleControl = { type: "resize"; cols: number; rows: number };

/** The path the WebSocket is opened on, for scripts/request-guard.mjs and the browser alike. */
export const CONSOLE_PATH = /^\/api\/containers\/([^/?#]+)\/([^/?#]+)\/console$/;
