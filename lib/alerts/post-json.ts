import "server-only";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { checkDestination } from "./check-destination";

/** `refused`: Wharf would not send there at all (lib/alerts/destination-rule.ts), nothing went out. */
export type SendResult = { ok: boolean; status: number | null; error: string | null; refused?: boolean };

export const SEND_TIMEOUT_MS = 5_000;

/**
 * POSTs a JSON body once, to the address the destination check passed (the connection never resolves the name
 * again; TLS and the Host header still carry the name). Redirects are not followed and count as failures: a
 * receiver that moved must be reconfigured, not trusted to send Wharf's signed alert somewhere else.
 */
export async function postJson(
  url: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<SendResult> {
  const target = new URL(url);
  // Channels saved before userinfo was refused may still carry it: it is neither sent nor echoed.
  if (target.username || target.password)
    return {
      ok: false,
      status: null,
      refused: true,
      error: "refused: the URL carries a user name or password",
    };
  if (target.protocol !== "http:" && target.protocol !== "https:")
    return { ok: false, status: null, refused: true, error: "refused: not an http:// or https:// URL" };
  const port = Number(target.port || (target.protocol === "https:" ? 443 : 80));
  const signal = AbortSignal.timeout(SEND_TIMEOUT_MS);
  try {
    const destination = await untilAborted(checkDestination(target.hostname, port), signal);
    if (!destination.ok)
      return { ok: false, status: null, refused: destination.refused, error: destination.error };
    const pinned: LookupFunction = (_name, options, callback) => {
      if (options.all) callback(null, [{ address: destination.address, family: destination.family }]);
      else callback(null, destination.address, destination.family);
    };
    const status = await post(target, port, pinned, body, headers, signal);
    if (status >= 200 && status < 300) return { ok: true, status, error: null };
    if (status >= 300 && status < 400)
      return { ok: false, status, error: `answered ${status}, a redirect: not followed` };
    return { ok: false, status, error: `answered ${status}` };
  } catch (error) {
    return { ok: false, status: null, error: describeFailure(error) };
  }
}

function post(
  target: URL,
  port: number,
  lookup: LookupFunction,
  body: string,
  headers: Record<string, string>,
  signal: AbortSignal,
): Promise<number> {
  const client = target.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      {
        method: "POST",
        hostname: target.hostname.replace(/^\[|\]$/g, ""),
        port,
        path: `${target.pathname}${target.search}`,
        headers: {
          "content-type": "application/json",
          "user-agent": "Wharf-Alerts/1",
          ...headers,
          "content-length": String(Buffer.byteLength(body)),
        },
        lookup,
        // A pooled socket would skip the check for its next request.
        agent: false,
        signal,
      },
      (response) => {
        resolve(response.statusCode ?? 0);
        response.destroy();
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/** What went wrong, in words: an error code and the library's text, with any URL in it taken out. */
export function describeFailure(error: unknown): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError"))
    return `no answer within ${SEND_TIMEOUT_MS / 1000} s`;
  const coded = error as { code?: string; message?: string; cause?: { code?: string; message?: string } };
  const source = coded?.code ? coded : coded?.cause?.code ? coded.cause : null;
  const text = source
    ? `${source.code}${source.message ? ` (${source.message})` : ""}`
    : error instanceof Error
      ? error.message
      : String(error);
  return withoutUrls(text);
}

/** A URL may carry credentials or a token in its path or query: no error text repeats one. */
export function withoutUrls(text: string): string {
  return text.replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, "(a URL)");
}
