import type { z } from "zod";
import type { Role } from "@/lib/auth/types";
import type { Target } from "@/lib/core/access-rule";
import type { ErrorCode, WharfError } from "@/lib/core/errors";

/**
 * Who may call a route. Every route must say it: there is no default, so a new route cannot be left open by
 * forgetting. "public" is for the health check, signing in and the API's own description only.
 */
export type Access = "public" | Role;

export const httpMethods = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof httpMethods)[number];

/** A request's checked input, as the reach of its endpoint reads it. */
export type RouteInput<P, Q, B> = { params: P; query: Q; body: B };

/**
 * A target of a route, found (`target`), or not (`missing`: the 404 the route itself would answer for it). A
 * caller whose grants do not reach a found target gets the 404 of a missing one (`unseen` when the route words
 * it otherwise than "container … not found"): nothing tells it the target exists.
 */
export type FoundTarget = { target: Target; unseen?: WharfError } | { missing: WharfError };

/**
 * What a route's answer or action is about, which the caller's grants must cover (lib/core/access-rule), checked
 * by the route wrapper after `auth` and before the handler runs. Every route says it, like `auth`:
 * - `none`: public routes, and those about the caller alone (who am I, sign out);
 * - `fleet`: `auth` on the whole fleet (users, tokens, alert channels);
 * - `host`: `auth` on everything of one host (its images), the whole fleet when `hostId` gives none;
 * - `targets`: `auth` on each container or service the request names: not seen, 404; seen with less, 403;
 * - `filtered`: answers only what the caller may see: the handler gets its `access` and filters by it.
 */
export type Reach<P = unknown, Q = unknown, B = unknown> =
  | { kind: "none" | "fleet" | "filtered" }
  | { kind: "host"; hostId: (input: RouteInput<P, Q, B>) => string | undefined }
  | { kind: "targets"; targets: (input: RouteInput<P, Q, B>) => Promise<FoundTarget[]> };

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
  reach: Reach<P, Q, B>;
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
