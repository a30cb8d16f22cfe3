import "server-only";
import { WharfError } from "@/lib/core/errors";
import { parseInput } from "@/lib/auth/parse-input";
import { authTablesOf, type AuthTables } from "@/lib/auth/db/auth-tables";
import { recordAudit } from "@/lib/auth/db/record-audit";
import { getDatabase } from "@/lib/db/database";
import { assertDestination } from "./assert-destination";
import { splitSettings, toChannelInfo } from "./channel-view";
import { nameTaken } from "./create-channel";
import type { AlertTables } from "./db/alert-tables";
import { getAlertChannel } from "./db/get-alert-channel";
import { updateAlertChannel } from "./db/update-alert-channel";
import { channelPatchSchema, settingsSchemaByKind, type ChannelPatch } from "./schemas";
import type { ChannelInfo, ChannelKind } from "./types";

/**
 * Changes a channel. `settings` merges into what is stored, secrets included, so a form that never saw the
 * URL or the password leaves them as they are; the result is validated whole. The kind cannot change.
 */
export async function updateChannel(
  id: number,
  input: ChannelPatch,
  actor: string,
  address?: string,
): Promise<ChannelInfo> {
  const patch = parseInput(channelPatchSchema, input);
  const db = await getDatabase<AlertTables>();
  const before = await getAlertChannel(db, id);
  if (!before) throw new WharfError("NOT_FOUND", `Alert channel ${id} not found`);
  const kind = before.kind as ChannelKind;
  const merged = patch.settings
    ? parseSettings(kind, { ...before.settings, ...before.secrets, ...patch.settings })
    : null;
  if (merged) await assertDestination(kind, merged);
  const update = db.transaction().execute(async (trx) => {
    const current = await getAlertChannel(trx, id);
    if (!current) throw new WharfError("NOT_FOUND", `Alert channel ${id} not found`);
    let { settings, secrets } = current;
    // Settings merge into what was read before the check: the check is of exactly what gets stored.
    if (merged) ({ settings, secrets } = splitSettings(kind, merged));
    const at = new Date().toISOString();
    const next = await updateAlertChannel(trx, {
      ...current,
      name: patch.name ?? current.name,
      enabled: patch.enabled ?? current.enabled,
      rules: patch.rules ?? current.rules,
      settings,
      secrets,
      updatedAt: at,
    });
    if (!next) throw new WharfError("NOT_FOUND", `Alert channel ${id} not found`);
    const changed = Object.keys(patch).join(", ");
    // In the same transaction: the change and its audit entry stand or fall together, on both dialects.
    await recordAudit(authTablesOf(trx.withTables<AuthTables>()), {
      actor,
      action: "channel-updated",
      target: next.name,
      address,
      detail: `kind: ${kind}; changed: ${changed}`,
      at,
    });
    return next;
  });
  try {
    return toChannelInfo(await update);
  } catch (error) {
    throw nameTaken(error, patch.name ?? String(id));
  }
}

function parseSettings(kind: ChannelKind, value: Record<string, unknown>): Record<string, unknown> {
  try {
    return parseInput(settingsSchemaByKind[kind], value) as Record<string, unknown>;
  } catch (error) {
    // Name the field as the request spelled it: settings.url, not url.
    if (error instanceof WharfError && error.code === "VALIDATION")
      throw new WharfError("VALIDATION", `settings.${error.message}`, error.details);
    throw error;
  }
}
