import "server-only";
import { randomBytes } from "node:crypto";
import type { Principal } from "@/lib/auth/types";
import type { Target } from "@/lib/core/access-rule";

/** What a ticket lets its holder open: one console, on one container, with one command. */
export type ConsoleGrant = {
  principal: Principal;
  hostId: string;
  /** The name as asked for, to match the upgrade's path, and the container's own id and name. */
  asked: string;
  containerId: string;
  containerName: string;
  command: string[];
  cols: number;
  rows: number;
  address: string;
  /** For a scoped caller, the container as its grants were checked on it: the console ends with the grant. */
  target?: Target;
};

type Held = ConsoleGrant & { expiresAt: number };

export const TICKET_TTL_MS = 30_000;

// The ticket is minted by a route bundle and redeemed by the upgrade handler (instrumentation's bundle): Next can
// evaluate this module once per bundle, so the one map hangs off globalThis.
const KEY = Symbol.for("wharf.console-tickets");
function held(): Map<string, Held> {
  const holder = globalThis as { [KEY]?: Map<string, Held> };
  return (holder[KEY] ??= new Map());
}

export function issueTicket(grant: ConsoleGrant, now = Date.now()): { ticket: string; expiresAt: number } {
  const tickets = held();
  for (const [ticket, entry] of tickets) if (entry.expiresAt <= now) tickets.delete(ticket);
  const ticket = randomBytes(24).toString("base64url");
  const expiresAt = now + TICKET_TTL_MS;
  tickets.set(ticket, { ...grant, expiresAt });
  return { ticket, expiresAt };
}

/** The grant behind a ticket, once: a second use, or a use after 30 s, finds nothing. */
export function redeemTicket(ticket: string, now = Date.now()): ConsoleGrant | null {
  const tickets = held();
  const entry = tickets.get(ticket);
  tickets.delete(ticket);
  if (!entry || entry.expiresAt <= now) return null;
  const { expiresAt: _expiresAt, ...grant } = entry;
  return grant;
}
