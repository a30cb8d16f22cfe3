import "server-only";
import type { Migration } from "./migration";

/**
 * Users who sign in through OpenID Connect (issue 26) are known by their provider's issuer and subject, never by
 * a name: names can be reused and renamed at the provider, a subject cannot. Both stay NULL for local users, and
 * NULLs are distinct in a unique index on both dialects, so local users never collide.
 */
export const migration20: Migration = {
  version: 20,
  build: (db) => [
    db.schema.alterTable("users").addColumn("sso_issuer", "text"),
    db.schema.alterTable("users").addColumn("sso_subject", "text"),
    db.schema.createIndex("users_by_sso_subject").on("users").columns(["sso_issuer", "sso_subject"]).unique(),
  ],
};
