export const errorCodes = [
  "HOST_UNREACHABLE",
  "NOT_FOUND",
  "CONFLICT",
  "FORBIDDEN",
  "UNAUTHORIZED",
  "RATE_LIMITED",
  "VALIDATION",
  "PAYLOAD_TOO_LARGE",
  "UNSUPPORTED_MEDIA_TYPE",
  "MISDIRECTED",
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
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  // Answered by scripts/request-guard.mjs before Next runs, in this same shape: a Host that is not Wharf's.
  MISDIRECTED: 421,
  INTERNAL: 500,
};

/** The JSON body of every failed API call. */
export type ErrorBody = { error: { code: ErrorCode; message: string; details?: unknown } };

/**
 * The one error Wharf throws on purpose. Its message is shown to users as is, so it must name what was
 * wrong (host, container, field) and never carry a stack trace or an engine's raw response.
 */
export class WharfError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "WharfError";
  }

  toBody(): ErrorBody {
    return {
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
