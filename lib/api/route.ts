import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { WharfError, httpStatusByCode } from "./errors";

type Schemas<P, Q> = { params?: z.ZodType<P>; query?: z.ZodType<Q> };
type Handler<P, Q> = (input: { params: P; query: Q; request: Request }) => Promise<unknown>;
type RouteContext = { params: Promise<Record<string, string | string[]>> };

/**
 * Wraps a route handler: validates params and query with zod, runs one lib function, and maps every
 * failure to the one error shape. Unexpected errors are logged server-side and answered without detail.
 */
export function route<P = undefined, Q = undefined>(schemas: Schemas<P, Q>, handler: Handler<P, Q>) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    try {
      const rawParams = context?.params ? await context.params : {};
      const params = parse(schemas.params, rawParams, "path") as P;
      const url = new URL(request.url);
      const query = parse(schemas.query, Object.fromEntries(url.searchParams), "query") as Q;
      const result = await handler({ params, query, request });
      return result instanceof Response ? result : NextResponse.json(result);
    } catch (error) {
      return errorResponse(error);
    }
  };
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
