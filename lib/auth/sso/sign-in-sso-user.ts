import "server-only";
import type { Kysely } from "kysely";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import type { AuthTables } from "../db/auth-tables";
import { findUserByName } from "../db/find-user-by-name";
import { recordAudit } from "../db/record-audit";
import { startSession, type NewSession } from "../start-session";
import type { User } from "../types";
import { ensureTeams } from "./db/ensure-teams";
import { findSsoUser } from "./db/find-sso-user";
import { insertSsoUser } from "./db/insert-sso-user";
import { announceGrantChange } from "../announce-grant-change";
import { replaceSsoMemberships } from "./db/replace-sso-memberships";
import { SsoFailure } from "./sso-failures";
import { usernameCandidates } from "./username-candidates";

export type SsoIdentity = {
  issuer: string;
  subject: string;
  /** The name the provider suggests (preferred_username, else email); Wharf makes it unique. */
  suggestedName: string | null;
  /** The Wharf teams the user's groups map to at this sign-in. */
  teams: readonly string[];
};

export type SsoSignIn = { user: User; session: NewSession; teams: readonly string[] };

/**
 * Signs in a user the provider vouched for: found by (issuer, subject), or created on the first sign-in; their
 * 'sso' team memberships become exactly `teams` (a team that does not exist yet is created), then a session
 * starts as for a password. One transaction: a sign-in never leaves half its teams behind.
 */
export async function signInSsoUser(
  db: Kysely<AuthTables>,
  identity: SsoIdentity,
  client: { address: string; userAgent: string | null },
  at: number,
): Promise<SsoSignIn> {
  const atIso = new Date(at).toISOString();
  for (let attempt = 0; ; attempt++) {
    try {
      const signedIn = await db.transaction().execute(async (trx) => {
        const user = (await findSsoUser(trx, identity)) ?? (await createUser(trx, identity, atIso));
        if (user.disabledAt !== null) throw new SsoFailure("disabled", "user disabled", user.username);
        const { ids, createdNames } = await ensureTeams(trx, identity.teams, { at: atIso, by: "sso" });
        for (const team of createdNames)
          await recordAudit(trx, {
            actor: "sso",
            action: "team-created",
            target: team,
            address: client.address,
            detail: `for ${user.username}'s group claim`,
            at: atIso,
          });
        await replaceSsoMemberships(trx, user.id, ids, atIso);
        const session = await startSession(trx, user.id, client, at);
        const teams = identity.teams.length > 0 ? identity.teams.join(", ") : "none";
        await recordAudit(trx, {
          actor: user.username,
          action: "login",
          target: user.username,
          address: client.address,
          detail: `single sign-on (${identity.issuer}); teams from groups: ${teams}`,
          at: atIso,
        });
        return { user, session, teams: identity.teams };
      });
      // Teams the provider's groups no longer give take their grants away from the user's other open streams
      // now, not at their next periodic re-check.
      announceGrantChange([signedIn.user.id]);
      return signedIn;
    } catch (error) {
      // The same subject signing in twice at once: the other sign-in created the user (or a team) first; the
      // next attempt finds it.
      if (attempt < 2 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

async function createUser(db: Kysely<AuthTables>, identity: SsoIdentity, createdAt: string): Promise<User> {
  for (const username of usernameCandidates(identity.suggestedName, identity.subject)) {
    // A local user's name is never taken over: the SSO user gets the next free one.
    if (await findUserByName(db, username)) continue;
    const user = await insertSsoUser(db, {
      username,
      issuer: identity.issuer,
      subject: identity.subject,
      createdAt,
    });
    await recordAudit(db, {
      actor: "sso",
      action: "user-created",
      target: user.username,
      detail: `single sign-on (${identity.issuer}) subject ${identity.subject}`,
      at: createdAt,
    });
    return user;
  }
  throw new SsoFailure("claims", `no free username for subject ${identity.subject}`);
}
