import "server-only";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import { WharfError } from "@/lib/core/errors";
import { parseInput } from "@/lib/auth/parse-input";
import { authTablesOf, type AuthTables } from "@/lib/auth/db/auth-tables";
import { recordAudit } from "@/lib/auth/db/record-audit";
import { getDatabase } from "@/lib/db/database";
import { assertDestination } from "./assert-destination";
import { splitSettings, toChannelInfo } from "./channel-view";
import type { AlertTables } from "./db/alert-tables";
import { insertAlertChannel } from "./db/insert-alert-channel";
import { newChannelSchema, type NewChannel } from "./schemas";
import type { ChannelInfo } from "./types";

/** Creates a channel. The audit log gets its name and kind only: its URL and secrets are nobody's to read. */
export async function createChannel(
  input: NewChannel,
  actor: string,
  address?: string,
): Promise<ChannelInfo> {
  const channel = parseInput(newChannelSchema, input);
  await assertDestination(channel.kind, channel.settings);
  const at = new Date().toISOString();
  const { settings, secrets } = splitSettings(channel.kind, channel.settings);
  const db = await getDatabase<AlertTables>();
  try {
    const stored = await db.transaction().execute(async (trx) => {
      const inserted = await insertAlertChannel(trx, {
        name: channel.name,
        kind: channel.kind,
        enabled: channel.enabled,
        settings,
        secrets,
        rules: channel.rules,
        at,
      });
      // In the same transaction: the channel and its audit entry stand or fall together, on both dialects.
      await recordAudit(authTablesOf(trx.withTables<AuthTables>()), {
        actor,
        action: "channel-created",
        target: channel.name,
        address,
        detail: `kind: ${channel.kind}`,
        at,
      });
      return inserted;
    });
    return toChannelInfo(stored);
  } catch (error) {
    throw nameTaken(error, channel.name);
  }
}

export function nameTaken(error: unknown, name: string): unknown {
  if (isUniqueViolation(error))
    return new WharfError("CONFLICT", `An alert channel named "${name}" already exists`);
  return error;
}
