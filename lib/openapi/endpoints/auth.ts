import "server-only";
import { endpoint } from "@/lib/api/endpoint";
import {
  auditQuerySchema,
  idParamsSchema,
  loginBodySchema,
  ssoCallbackQuerySchema,
  ssoStartQuerySchema,
  newTokenSchema,
  newUserSchema,
  userPatchSchema,
} from "@/lib/auth/schemas";

const SIGNING_IN = "Signing in";
const ADMIN = "Users, tokens and the audit log";

export const authEndpoints = {
  login: endpoint({
    method: "POST",
    path: "/api/auth/login",
    auth: "public",
    body: loginBodySchema,
    tag: SIGNING_IN,
    summary: "Sign in: answers the user and sets the wharf_session cookie",
    description:
      "401 for a wrong user or password alike; 429 after repeated failures from one address; 403 from another site's page.",
    errors: ["UNAUTHORIZED", "RATE_LIMITED", "FORBIDDEN"],
  }),
  ssoStart: endpoint({
    method: "GET",
    path: "/api/auth/oidc/start",
    auth: "public",
    query: ssoStartQuerySchema,
    tag: SIGNING_IN,
    answers: "redirect",
    summary: "Single sign-on: sends the browser to the identity provider (authorization code with PKCE)",
    description:
      "A link for browsers, not for scripts: sets a short-lived `wharf_oidc` cookie for the callback. 404 when single sign-on is not configured; the sign-in page with `sso_error=unavailable` when the provider cannot be reached.",
    errors: ["NOT_FOUND"],
  }),
  ssoCallback: endpoint({
    method: "GET",
    path: "/api/auth/oidc/callback",
    auth: "public",
    query: ssoCallbackQuerySchema,
    tag: SIGNING_IN,
    answers: "redirect",
    summary:
      "Single sign-on: the identity provider's redirect back; sets wharf_session and goes to the page asked for",
    description:
      "Every refusal (wrong state, a code expired or used already, an ID token that fails validation, a disabled user) goes to the sign-in page with `sso_error` naming why, sets no session, and is audited as `login-failed`.",
    errors: ["NOT_FOUND"],
  }),
  logout: endpoint({
    method: "POST",
    path: "/api/auth/logout",
    auth: "viewer",
    tag: SIGNING_IN,
    summary: "Sign out: the session is revoked and its open streams end",
  }),
  me: endpoint({
    method: "GET",
    path: "/api/auth/me",
    auth: "viewer",
    tag: SIGNING_IN,
    summary: "Who is calling: `{principal: {kind, name, role}, teams}`",
  }),
  setup: endpoint({
    method: "GET",
    path: "/api/auth/setup",
    auth: "public",
    tag: SIGNING_IN,
    summary: "Whether any user exists yet (`{usersExist}`)",
  }),
  listUsers: endpoint({ method: "GET", path: "/api/users", auth: "admin", tag: ADMIN, summary: "The users" }),
  createUser: endpoint({
    method: "POST",
    path: "/api/users",
    auth: "admin",
    body: newUserSchema,
    tag: ADMIN,
    summary: "Create a user",
    errors: ["CONFLICT"],
  }),
  updateUser: endpoint({
    method: "PATCH",
    path: "/api/users/{id}",
    auth: "admin",
    params: idParamsSchema,
    body: userPatchSchema,
    tag: ADMIN,
    summary: "Change a user's role or password, or disable them (their sessions end)",
    errors: ["NOT_FOUND", "CONFLICT"],
  }),
  deleteUser: endpoint({
    method: "DELETE",
    path: "/api/users/{id}",
    auth: "admin",
    params: idParamsSchema,
    tag: ADMIN,
    summary: "Delete a user (never the last active admin)",
    errors: ["NOT_FOUND", "CONFLICT"],
  }),
  listTokens: endpoint({
    method: "GET",
    path: "/api/tokens",
    auth: "admin",
    tag: ADMIN,
    summary: "The API tokens (never their secrets)",
  }),
  createToken: endpoint({
    method: "POST",
    path: "/api/tokens",
    auth: "admin",
    body: newTokenSchema,
    tag: ADMIN,
    summary: "Create an API token: the answer shows it this once",
  }),
  revokeToken: endpoint({
    method: "DELETE",
    path: "/api/tokens/{id}",
    auth: "admin",
    params: idParamsSchema,
    tag: ADMIN,
    summary: "Revoke an API token, and end its open streams",
    errors: ["NOT_FOUND"],
  }),
  audit: endpoint({
    method: "GET",
    path: "/api/audit",
    auth: "admin",
    query: auditQuerySchema,
    tag: ADMIN,
    summary: "The audit log, newest first",
  }),
};
