import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { authenticateRequest } from "@/lib/auth/authenticate-request";
import { hasRole, type Principal, type Role } from "@/lib/auth/types";
import { WharfError, httpStatusByCode } from "@/lib/core/errors";
import { readJsonBody } from "./read-json-body";
import { assertSameOrigin } from "./same-origin";

/**
 * Who may call a route. Every route must say it: there is no default, so a new route cannot be left open by
 * forgetting. "public" is for the health check and signing in only.
 */
export type Access = "public" | Role;

type Schemas<P, Q, B, A extends Access> = {
  auth: A;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /** Bytes the body may have; 64 KB unless the route needs more (lib/api/read-json-body.ts). */
  bodyLimitBytes?: number;
};
type Handler<P, Q, B, A extends Access> = (input: {
  params: P;
  query: Q;
  body: B;
  request: Request;
  principal: A extends "public" ? Principal | null : Principal;
}) => Promise<unknown>;
type RouteContext = { params: Promise<Record<string, string | string[]>> };

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Wraps a route handler: checks who is calling against the route's declared access, validates params, query
 * and body with zod, runs one lib function, and maps every failure to the one error shape. Unexpected errors
 * are logged server-side and answered without detail.
 */
export function route<P = undefined, Q = undefined, B = undefined, A extends Access = Access>(
  schemas: Schemas<P, Q, B, A>,
  handler: Handler<P, Q, B, A>,
) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    try {
      const principal = await authorize(request, schemas.auth);
      const rawParams = context?.params ? await context.params : {};
      const params = parse(schemas.params, rawParams, "path") as P;
      const url = new URL(request.url);
      const query = parse(schemas.query, Object.fromEntries(url.searchParams), "query") as Q;
      const body = schemas.body
        ? (parse(schemas.body, await readJsonBody(request, schemas.bodyLimitBytes), "body") as B)
        : (undefined as B);
      const result = await handler({ params, query, body, request, principal: principal as Principal });
      return result instanceof Response ? result : NextResponse.json(result);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

async function authorize(request: Request, access: Access): Promise<Principal | null> {
  if (access === "public") {
    // Signing in is a change too: a hostile page must not be able to post failures (or a session) from the
    // user's browser. Scripts sending neither Origin nor Sec-Fetch-Site still sign in.
    if (MUTATING.has(request.method)) assertSameOrigin(request, { allowNonBrowser: true });
    return authenticateRequest(request);
  }
  const principal = await authenticateRequest(request);
  if (!principal)
    throw new WharfError("UNAUTHORIZED", "Sign in, or send an API token as Authorization: Bearer <token>");
  if (!hasRole(principal, access)) {
    throw new WharfError(
      "FORBIDDEN",
      `This needs the ${access} role; ${principal.name} has the ${principal.role} role`,
    );
  }
  if (principal.kind === "user" && MUTATING.has(request.method)) assertSameOrigin(request);
  return principal;
}

function parse<T>(schema: z.ZodType<T> | undefined, value: unknown, where: string): T | undefined {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    field: issue.path.join(".") || "(root)",
    message: issue.message,
  }));
  const summary = issues.map((i) => `${i.field}: ${i.message}`).join("; ");
  throw new WharfError("VALIDATION", `Invalid ${where} parameters — ${summary}`, { issues });
}

export function errorResponse(error: unknown): Response {
  if (error instanceof WharfError) {
    return NextResponse.json(error.toBody(), { status: httpStatusByCode[error.code] });
  }
  console.error("[wharf] unexpected error", error);
  const internal = new WharfError("INTERNAL", "Internal error: see the server log");
  return NextResponse.json(internal.toBody(), { status: 500 });
}
