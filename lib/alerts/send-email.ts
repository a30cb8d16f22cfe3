import "server-only";
import { isIP } from "node:net";
import nodemailer from "nodemailer";
import { checkDestination } from "./check-destination";
import { describeFailure, SEND_TIMEOUT_MS, type SendResult } from "./post-json";
import { renderText } from "./render-text";
import type { AlertMessage } from "./types";

export type EmailSettings = {
  host: string;
  port: number;
  secure: boolean;
  user: string | null;
  password: string | null;
  from: string;
  to: string[];
};

/**
 * One email through the channel's SMTP server; every stage of the conversation is bounded by the timeout. The
 * server is a channel's setting, so it passes the same destination check as a webhook, and the connection goes
 * to the address checked (TLS still verifies the name).
 */
export async function sendEmail(settings: EmailSettings, message: AlertMessage): Promise<SendResult> {
  const destination = await checkDestination(settings.host, settings.port);
  if (!destination.ok)
    return { ok: false, status: null, refused: destination.refused, error: destination.error };
  const transport = nodemailer.createTransport({
    host: destination.address,
    // An IP address is no server name: TLS refuses one in SNI.
    tls: isIP(settings.host) ? undefined : { servername: settings.host },
    port: settings.port,
    secure: settings.secure,
    auth: settings.user ? { user: settings.user, pass: settings.password ?? "" } : undefined,
    connectionTimeout: SEND_TIMEOUT_MS,
    greetingTimeout: SEND_TIMEOUT_MS,
    socketTimeout: SEND_TIMEOUT_MS,
  });
  try {
    await transport.sendMail({
      from: settings.from,
      to: settings.to,
      subject: `[Wharf] ${message.title}`,
      text: renderText(message),
      headers: { "X-Wharf-Event": message.event },
    });
    return { ok: true, status: null, error: null };
  } catch (error) {
    return { ok: false, status: null, error: describeFailure(error) };
  } finally {
    transport.close();
  }
}
