import "server-only";
import type { Db } from "@/lib/history/db";
import { listAlertChannels } from "@/lib/history/list-alert-channels";
import { toChannelInfo } from "./channel-view";
import type { ChannelInfo } from "./types";

export function listChannels(db: Db): { channels: ChannelInfo[] } {
  return { channels: listAlertChannels(db).map(toChannelInfo) };
}
