import type { AlertMessage } from "./types";

/** The facts of a message as "label: value" lines, in the order a person on call reads them. */
export function factLines(message: AlertMessage): string[] {
  const lines: string[] = [];
  if (message.host) lines.push(`Host: ${message.host.name} (${message.host.id})`);
  const c = message.container;
  if (c) {
    lines.push(
      `Container: ${c.name}${c.composeProject ? ` (compose ${c.composeProject}/${c.composeService ?? "?"})` : ""}`,
    );
    if (c.image) lines.push(`Image: ${c.image}${c.digest ? ` (${c.digest})` : ""}`);
  }
  lines.push(`When: ${message.at}`);
  return lines;
}

/** The whole message as plain text: the email body, and the fallback text of chat formats. */
export function renderText(message: AlertMessage): string {
  const parts = [message.title, "", ...message.details, "", ...factLines(message)];
  if (message.held.length > 0) parts.push("", ...message.held.map((h) => `- ${h.at} ${h.title}`));
  if (message.logTail.length > 0)
    parts.push("", "Last log lines:", ...message.logTail.map((line) => `  ${line}`));
  if (message.url) parts.push("", message.url);
  return parts
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
