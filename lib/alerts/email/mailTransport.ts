import nodemailer, { type Transporter } from "nodemailer";
import type { ServerConfig } from "@/lib/config/serverConfig";
import { fail, ok, type Result } from "@/lib/result";

/** Whether alert mail can be sent, and if not why: the alerts page shows the reason instead of hiding email. */
export type EmailAvailability = { available: true } | { available: false; reason: string };

export function emailAvailability(config: Pick<ServerConfig, "smtpUrl" | "mailFrom">): EmailAvailability {
  if (!config.smtpUrl) {
    return { available: false, reason: "This server has no mail server set up (WATCHDECK_SMTP_URL is not set)." };
  }
  if (!config.mailFrom) {
    return { available: false, reason: "This server has no sender address set up (WATCHDECK_MAIL_FROM is not set)." };
  }
  return { available: true };
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
  /** A stable Message-ID lets mail clients drop a repeat of the same delivery. */
  messageId?: string;
}

const transports = new Map<string, Transporter>();

function transportFor(smtpUrl: string): Transporter {
  let transport = transports.get(smtpUrl);
  if (!transport) {
    transport = nodemailer.createTransport(smtpUrl);
    transports.set(smtpUrl, transport);
  }
  return transport;
}

/** Closes the transports (tests, shutdown). */
export function closeMailTransports(): void {
  for (const transport of transports.values()) transport.close();
  transports.clear();
}

interface SmtpError {
  code?: string;
  responseCode?: number;
  response?: string;
}

/** Sends one mail through the configured SMTP server. The SMTP URL may hold a password: it is never in a failure. */
export async function sendMail(
  config: Pick<ServerConfig, "smtpUrl" | "mailFrom">,
  mail: OutgoingMail,
): Promise<Result<{ status?: number }>> {
  const availability = emailAvailability(config);
  if (!availability.available) return fail("unavailable", "email_unavailable", availability.reason);
  try {
    await transportFor(config.smtpUrl!).sendMail({
      from: config.mailFrom,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: mail.headers,
      messageId: mail.messageId,
    });
    // No status: the delivery log's status column is for HTTP codes, and the SMTP server said 250.
    return ok({});
  } catch (error) {
    return smtpFailure(error as SmtpError);
  }
}

function smtpFailure(error: SmtpError): Result<never> {
  const said = `${error.code ?? "error"}${error.responseCode ? ` ${error.responseCode}` : ""}: ${error.response ?? ""}`;
  if (error.code === "EAUTH") {
    return fail("unavailable", "smtp_auth", "The mail server refused this server's sign-in. Tell the administrator.", {
      detail: said,
    });
  }
  if (error.responseCode !== undefined && error.responseCode >= 500) {
    return fail("invalid", "mail_rejected", "The mail server refused this message or its address.", {
      detail: said,
    });
  }
  return fail("transient", "smtp_unreachable", "The mail server could not be reached; sending is tried again.", {
    detail: `retryable; ${said}`,
  });
}
