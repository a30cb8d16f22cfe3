import "server-only";
import { postJson, type SendResult } from "./post-json";
import { factLines, renderText } from "./render-text";
import type { AlertMessage } from "./types";

// Slack cuts a section's text at 3000 characters; the log tail is at most 2 KB.
const SECTION_CHARS = 2900;

/**
 * Slack's incoming-webhook format. `text` carries the whole message, so Mattermost (which reads `text` and
 * ignores `blocks`) and notifications show everything; `blocks` lay it out in Slack.
 */
export function slackBody(message: AlertMessage): { text: string; blocks: unknown[] } {
  const section = (text: string) => ({
    type: "section",
    text: { type: "mrkdwn", text: text.slice(0, SECTION_CHARS) },
  });
  const blocks: unknown[] = [section([`*${message.title}*`, ...message.details].join("\n"))];
  blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: factLines(message).join(" · ") }] });
  if (message.held.length > 0) blocks.push(section(message.held.map((h) => `• ${h.title}`).join("\n")));
  if (message.logTail.length > 0) blocks.push(section("```" + message.logTail.join("\n") + "```"));
  if (message.url) blocks.push(section(`<${message.url}|Open in Wharf>`));
  return { text: renderText(message), blocks };
}

export function sendSlack(url: string, message: AlertMessage): Promise<SendResult> {
  return postJson(url, JSON.stringify(slackBody(message)));
}
