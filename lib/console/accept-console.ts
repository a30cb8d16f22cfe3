import "server-only";
import { authDatabase } from "@/lib/auth/auth-database";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import { authenticateRequest } from "@/lib/auth/authenticate-request";
import { recheckPrincipal } from "@/lib/auth/recheck-principal";
import type { Principal } from "@/lib/auth/types";
import { WharfError, httpStatusByCode } from "@/lib/core/errors";
import { containerParamsSchema } from "@/lib/fleet/schemas";
import { runConsole } from "./run-console";
import { consoleUpgradeQuerySchema } from "./schemas";
import { redeemTicket, type ConsoleGrant } from "./tickets";
import { CONSOLE_PATH } from "./types";

// Keystrokes and resizes are small; a frame larger than this is no terminal's.
const server = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024, perMessageDeflate: false });

/**
 * The WebSocket upgrade of /api/containers/{hostId}/{nameOrId}/console, handed over by scripts/request-guard.mjs
 * once the Host and Origin checks passed. Before any exec exists, the caller is authenticated the way every
 * route authenticates (session cookie or bearer token), and must be the very caller that minted the ticket, for
 * the very container, and still an operator. Anything refused is answered as plain HTTP in the one error shape.
 */
export async function acceptConsole(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
  let grant: ConsoleGrant;
  try {
    grant = await admit(req);
  } catch (error) {
    refuse(socket, error);
    return;
  }
  server.handleUpgrade(req, socket, head, (ws) => runConsole(ws, grant));
}

async function admit(req: IncomingMessage): Promise<ConsoleGrant> {
  const url = new URL(req.url ?? "/", "http://wharf.invalid");
  const match = CONSOLE_PATH.exec(url.pathname);
  if (!match) throw new WharfError("NOT_FOUND", "No console at this path");
  const params = containerParamsSchema.safeParse({
    hostId: safeDecode(match[1] ?? ""),
    nameOrId: safeDecode(match[2] ?? ""),
  });
  if (!params.success) throw invalid("path", params.error.issues);
  const query = consoleUpgradeQuerySchema.safeParse(Object.fromEntries(url.searchParams));
  if (!query.success) throw invalid("query", query.error.issues);

  const principal = await authenticateRequest(new Request(url, { headers: toHeaders(req) }));
  if (!principal)
    throw new WharfError("UNAUTHORIZED", "Sign in, or send an API token as Authorization: Bearer <token>");
  const grant = redeemTicket(query.data.ticket);
  if (!grant)
    throw new WharfError(
      "UNAUTHORIZED",
      "This console ticket is unknown, already used or expired (30 s): ask for a new one with POST …/console",
    );
  if (
    !samePrincipal(grant.principal, principal) ||
    grant.hostId !== params.data.hostId ||
    grant.asked !== params.data.nameOrId
  ) {
    throw new WharfError(
      "FORBIDDEN",
      "This console ticket was issued to another caller or for another container",
    );
  }
  const lost = await recheckPrincipal(await authDatabase(), principal, "operator", Date.now, grant.target);
  if (lost) throw new WharfError("FORBIDDEN", `A console needs the operator role: ${lost}`);
  return { ...grant, principal };
}

function samePrincipal(a: Principal, b: Principal): boolean {
  return a.kind === b.kind && a.sessionId === b.sessionId && a.tokenId === b.tokenId;
}

function toHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  return headers;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

function invalid(where: string, issues: { path: PropertyKey[]; message: string }[]): WharfError {
  const summary = issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
  return new WharfError("VALIDATION", `Invalid ${where} parameters — ${summary}`);
}

function refuse(socket: Duplex, error: unknown): void {
  const failure =
    error instanceof WharfError ? error : new WharfError("INTERNAL", "Internal error: see the server log");
  if (!(error instanceof WharfError)) console.error("[wharf] a console upgrade failed", error);
  const body = JSON.stringify(failure.toBody());
  const status = httpStatusByCode[failure.code];
  socket.end(
    `HTTP/1.1 ${status} ${failure.code}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}
