import "server-only";
import type { Db } from "@/lib/db/db";
import { listAlertChannels } from "@/lib/db/list-alert-channels";
import { toChannelInfo } from "./channel-view";
import type { ChannelInfo } from "./types";

export function listChannels(db: Db): { channels: ChannelInfo[] } {
  return { channels: listAlertChannels(db).map(toChannelInfo) };
}
