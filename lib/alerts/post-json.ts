import "server-only";

export type SendResult = { ok: boolean; status: number | null; error: string | null };

export const SEND_TIMEOUT_MS = 5_000;

/**
 * POSTs a JSON body once. Redirects are not followed and count as failures: a receiver that moved must be
 * reconfigured, not trusted to send Wharf's signed alert (and its secret-bearing URL) somewhere else.
 */
export async function postJson(
  url: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<SendResult> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "Wharf-Alerts/1", ...headers },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
    await response.body?.cancel().catch(() => {});
    const status = response.status;
    if (status >= 200 && status < 300) return { ok: true, status, error: null };
    if (status >= 300 && status < 400)
      return { ok: false, status, error: `answered ${status}, a redirect: not followed` };
    return { ok: false, status, error: `answered ${status}` };
  } catch (error) {
    return { ok: false, status: null, error: describeFailure(error) };
  }
}

export function describeFailure(error: unknown): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError"))
    return `no answer within ${SEND_TIMEOUT_MS / 1000} s`;
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  if (cause?.code) return `${cause.code}${cause.message ? ` (${cause.message})` : ""}`;
  return error instanceof Error ? error.message : String(error);
}
