import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { WharfError, httpStatusByCode } from "./errors";

type Schemas<P, Q, B> = { params?: z.ZodType<P>; query?: z.ZodType<Q>; body?: z.ZodType<B> };
type Handler<P, Q, B> = (input: { params: P; query: Q; body: B; request: Request }) => Promise<unknown>;
type RouteContext = { params: Promise<Record<string, string | string[]>> };

/**
 * Wraps a route handler: validates params and query with zod, runs one lib function, and maps every
 * failure to the one error shape. Unexpected errors are logged server-side and answered without detail.
 */
export function route<P = undefined, Q = undefined, B = undefined>(schemas: Schemas<P, Q, B>, handler: Handler<P, Q, B>) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    try {
      const rawParams = context?.params ? await context.params : {};
      const params = parse(schemas.params, rawParams, "path") as P;
      const url = new URL(request.url);
      const query = parse(schemas.query, Object.fromEntries(url.searchParams), "query") as Q;
      const body = schemas.body ? (parse(schemas.body, await readJson(request), "body") as B) : (undefined as B);
      const result = await handler({ params, query, body, request });
      return result instanceof Response ? result : NextResponse.json(result);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new WharfError("VALIDATION", "The request body is not valid JSON");
  }
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
