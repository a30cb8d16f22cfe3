export const errorCodes = [
  "HOST_UNREACHABLE",
  "NOT_FOUND",
  "CONFLICT",
  "FORBIDDEN",
  "UNAUTHORIZED",
  "RATE_LIMITED",
  "VALIDATION",
  "ROLLED_BACK",
  "INCOMPLETE",
  "ENGINE_REFUSED",
  "PAYLOAD_TOO_LARGE",
  "UNSUPPORTED_MEDIA_TYPE",
  "MISDIRECTED",
  "UNAVAILABLE",
  "INTERNAL",
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const httpStatusByCode: Record<ErrorCode, number> = {
  HOST_UNREACHABLE: 502,
  NOT_FOUND: 404,
  CONFLICT: 409,
  FORBIDDEN: 403,
  UNAUTHORIZED: 401,
  RATE_LIMITED: 429,
  VALIDATION: 400,
  // An action that ran and was undone: the request was valid, the new container did not hold.
  ROLLED_BACK: 422,
  // A bulk action some of whose containers failed or were refused; each result says why.
  INCOMPLETE: 422,
  // The engine answered an error of its own: Wharf is the gateway, the upstream refused.
  ENGINE_REFUSED: 502,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  // Answered by scripts/request-guard.mjs before Next runs, in this same shape: a Host that is not Wharf's.
  MISDIRECTED: 421,
  // Wharf's own database cannot serve the request (not reachable, or a feature not yet on PostgreSQL).
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

/** The JSON body of every failed API call (an action's also carries its settled result beside `error`). */
export type ErrorBody = { error: { code: ErrorCode; message: string; details?: unknown } };

// Next may bundle this module more than once in one process (instrumentation, each route), and what one bundle
// makes can reach another's code: the PostgreSQL pool, opened once a process, throws its UNAVAILABLE from the
// bundle that opened it. A mark every copy of the class shares lets instanceof know them all.
const WHARF_ERROR = Symbol.for("wharf.error");

/**
 * The one error Wharf throws on purpose. Its message is shown to users as is, so it must name what was
 * wrong (host, container, field) and never carry a stack trace or an engine's raw response.
 */
export class WharfError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    /**
     * Fields answered beside `error`: an action that failed or rolled back still returns the history entry it
     * settled, so a client can show what happened rather than only that something did not work.
     */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "WharfError";
    Object.defineProperty(this, WHARF_ERROR, { value: true });
  }

  static [Symbol.hasInstance](value: unknown): boolean {
    // Subclasses (ActionFailedError) keep the ordinary check: only WharfError itself spans the bundles.
    if (this !== WharfError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return typeof value === "object" && value !== null && WHARF_ERROR in value;
  }

  toBody(): ErrorBody & Record<string, unknown> {
    return {
      ...this.extra,
      error: {
        code: this.code,
        message: this.message,
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    };
  }
}

export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== "object" || value === null || !("error" in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === "object" && error !== null && "message" in error && "code" in error;
}
