import type { z } from "zod";
import type { Role } from "@/lib/auth/types";
import type { ErrorCode } from "@/lib/core/errors";

/**
 * Who may call a route. Every route must say it: there is no default, so a new route cannot be left open by
 * forgetting. "public" is for the health check, signing in and the API's own description only.
 */
export type Access = "public" | Role;

export const httpMethods = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof httpMethods)[number];

/**
 * What a successful answer is: JSON (most), a server-sent event stream, a CSV file, Prometheus's text format, or
 * a 303 that sends a browser on (single sign-on's hops to and from the identity provider).
 */
export type AnswerKind = "json" | "sse" | "csv" | "prometheus" | "redirect";

/**
 * One route, declared once: the route wrapper enforces its access and validates its input with these very
 * schemas, and the OpenAPI document (lib/openapi) is generated from the same object, so the two cannot drift.
 */
export type Endpoint<P = unknown, Q = unknown, B = unknown, A extends Access = Access> = {
  method: HttpMethod;
  /** As OpenAPI writes it: `/api/containers/{hostId}/{nameOrId}`. */
  path: string;
  auth: A;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /** Bytes the body may have; 64 KB unless the route needs more (lib/api/read-json-body.ts). */
  bodyLimitBytes?: number;
  /** One line, and where needed a paragraph, for the API's description; docs/api.md has the whole contract. */
  summary: string;
  description?: string;
  /** Groups the route with its neighbours in the description (one tag per section of docs/api.md). */
  tag: string;
  answers?: AnswerKind;
  /** The failures this route answers beyond those of every route with its access and input (see lib/openapi). */
  errors?: ErrorCode[];
};

/** Declares an endpoint, keeping the types its schemas produce for the handler that serves it. */
export function endpoint<P = undefined, Q = undefined, B = undefined, A extends Access = Access>(
  declared: Endpoint<P, Q, B, A>,
): Endpoint<P, Q, B, A> {
  return declared;
}
