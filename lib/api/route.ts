import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { authenticateRequest, readSessionToken } from "@/lib/auth/authenticate-request";
import { accessOf, type Principal } from "@/lib/auth/types";
import { roleAtLeast, topRole, type Access as Grants, type Target } from "@/lib/core/access-rule";
import { WharfError, httpStatusByCode } from "@/lib/core/errors";
import { checkReach } from "./check-reach";
import type { Access, Endpoint } from "./endpoint";
import { readJsonBody } from "./read-json-body";
import { assertSameOrigin } from "./same-origin";

export type { Access } from "./endpoint";
type Handler<P, Q, B, A extends Access> = (input: {
  params: P;
  query: Q;
  body: B;
  request: Request;
  principal: A extends "public" ? Principal | null : Principal;
  /** What the caller may see and do: a `filtered` route answers only what this covers. */
  access: Grants;
  /** The targets a scoped caller's grants were checked on (a stream about one ends when they no longer are). */
  targets: Target[];
}) => Promise<unknown>;
type RouteContext = { params: Promise<Record<string, string | string[]>> };

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** A route handler as Next calls it, carrying the endpoint it serves (the OpenAPI test checks the pairing). */
export type RouteHandler = ((request: Request, context: RouteContext) => Promise<Response>) & {
  endpoint: Endpoint;
};

/**
 * Wraps a route handler: checks who is calling against the endpoint's declared access, validates params, query
 * and body with its zod schemas, runs one lib function, and maps every failure to the one error shape.
 * Unexpected errors are logged server-side and answered without detail.
 */
export function route<P = undefined, Q = undefined, B = undefined, A extends Access = Access>(
  declared: Endpoint<P, Q, B, A>,
  handler: Handler<P, Q, B, A>,
): RouteHandler {
  const serve = async (request: Request, context: RouteContext): Promise<Response> => {
    try {
      let principal = await authorize(request, declared.auth, declared.reach.kind === "none");
      // A fleet-wide route needs nothing of the input to refuse a scoped caller: it is refused before reading it.
      if (principal && declared.auth !== "public" && declared.reach.kind === "fleet")
        await checkReach(declared.reach, declared.auth, accessOf(principal), {} as never);
      const rawParams = context?.params ? await context.params : {};
      const params = parse(declared.params, rawParams, "path") as P;
      const url = new URL(request.url);
      const query = parse(declared.query, Object.fromEntries(url.searchParams), "query") as Q;
      const body = declared.body
        ? (parse(declared.body, await readJsonBody(request, declared.bodyLimitBytes), "body") as B)
        : (undefined as B);
      const access = principal ? accessOf(principal) : { grants: [], cap: null };
      let targets: Target[] = [];
      if (principal && declared.auth !== "public") {
        const reached = await checkReach(declared.reach, declared.auth, access, { params, query, body });
        targets = reached.targets;
        // What the caller acts as on these targets, for the rules that ask (an admin may deploy another image).
        if (reached.acting !== null && reached.acting !== principal.role)
          principal = { ...principal, role: reached.acting };
      }
      const result = await handler({
        params,
        query,
        body,
        request,
        principal: principal as Principal,
        access,
        targets,
      });
      return result instanceof Response ? result : NextResponse.json(result);
    } catch (error) {
      return errorResponse(error);
    }
  };
  return Object.assign(serve, { endpoint: declared as unknown as Endpoint });
}

/** `aboutCaller`: a route about the caller alone (who am I, sign out), open to it whatever grants it holds. */
async function authorize(request: Request, access: Access, aboutCaller = false): Promise<Principal | null> {
  if (access === "public") {
    // Signing in is a change too: a hostile page must not be able to post failures (or a session) from the
    // user's browser. Scripts sending neither Origin nor Sec-Fetch-Site still sign in.
    if (MUTATING.has(request.method)) assertSameOrigin(request, { allowNonBrowser: true });
    // Nobody to recognise (a load balancer's health check): no need to ask the users' tables, which may be
    // the part of the database that is failing.
    if (!request.headers.has("authorization") && readSessionToken(request) === undefined) return null;
    return authenticateRequest(request);
  }
  const principal = await authenticateRequest(request);
  if (!principal)
    throw new WharfError("UNAUTHORIZED", "Sign in, or send an API token as Authorization: Bearer <token>");
  // The gate: the role somewhere. Where it must hold (a container, the whole fleet) is the reach's check.
  const top = topRole(accessOf(principal));
  if (!aboutCaller && !roleAtLeast(top, access)) {
    throw new WharfError(
      "FORBIDDEN",
      top === null
        ? `This needs the ${access} role; ${principal.name} holds no grant`
        : `This needs the ${access} role; ${principal.name} has the ${top} role`,
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
