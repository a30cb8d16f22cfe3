import "server-only";
import { getDatabase } from "@/lib/db/database";
import type { AlertTables } from "./db/alert-tables";
import { listAlertChannels } from "./db/list-alert-channels";
import { toChannelInfo } from "./channel-view";
import type { ChannelInfo } from "./types";

export async function listChannels(): Promise<{ channels: ChannelInfo[] }> {
  const db = await getDatabase<AlertTables>();
  return { channels: (await listAlertChannels(db)).map(toChannelInfo) };
}
