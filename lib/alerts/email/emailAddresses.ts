import { emailSchema } from "@/lib/accounts/credentialsSchema";
import type { ServerConfig } from "@/lib/config/serverConfig";
import { hashUrlSecret, looksLikeUrlSecret, newUrlSecret } from "@/lib/crypto/urlSecret";
import { prisma } from "@/lib/db/postgres";
import { storedLocale } from "@/lib/i18n/translator";
import { fail, failed, ok, type Result } from "@/lib/result";
import { sendMail } from "./mailTransport";
import { verificationMail } from "./verificationMail";

/**
 * A user's alert email addresses and every database access for them. An address gets the verification mail
 * and nothing else until its link is confirmed; the link's secret is kept only as a SHA-256.
 */

export const MAX_EMAIL_ADDRESSES = 5;
/** How long a verification link works. */
export const VERIFICATION_VALID_MS = 48 * 3600_000;
/** The least time between two verification mails to one address, so the form cannot be used to flood it. */
export const VERIFICATION_RESEND_MS = 60_000;

export interface AlertEmailAddressView {
  id: string;
  address: string;
  verifiedAt: Date | null;
  verificationSentAt: Date | null;
}

const viewSelect = { id: true, address: true, verifiedAt: true, verificationSentAt: true } as const;

type MailConfig = Pick<ServerConfig, "smtpUrl" | "mailFrom" | "baseUrl">;

export function listEmailAddresses(userId: string): Promise<AlertEmailAddressView[]> {
  return prisma().alertEmailAddress.findMany({ where: { userId }, select: viewSelect, orderBy: { createdAt: "asc" } });
}

/** The address to mail an alert to: only a verified one of the alert's owner. */
export async function verifiedAddressForAlert(alertId: string, emailAddressId: string): Promise<string | null> {
  const row = await prisma().alertEmailAddress.findFirst({
    where: { id: emailAddressId, verifiedAt: { not: null }, user: { alerts: { some: { id: alertId } } } },
    select: { address: true },
  });
  return row?.address ?? null;
}

/** Whether the address is the user's and verified, for the alert form. */
export async function isVerifiedAddressOf(userId: string, emailAddressId: string): Promise<boolean> {
  const row = await prisma().alertEmailAddress.findFirst({
    where: { id: emailAddressId, userId, verifiedAt: { not: null } },
    select: { id: true },
  });
  return row !== null;
}

/** Adds an address and mails it a verification link. */
export async function addEmailAddress(
  userId: string,
  input: string,
  config: MailConfig,
  now = new Date(),
): Promise<Result<AlertEmailAddressView>> {
  const parsed = emailSchema.safeParse(input);
  if (!parsed.success) return fail("invalid", "bad_email", parsed.error.issues[0]!.message, { field: "address" });
  const address = parsed.data;
  const existing = await prisma().alertEmailAddress.findMany({ where: { userId }, select: { address: true } });
  if (existing.some((row) => row.address === address)) {
    return fail("conflict", "email_exists", "That address is already in your list.", { field: "address" });
  }
  if (existing.length >= MAX_EMAIL_ADDRESSES) {
    return fail("conflict", "too_many_emails", `Keep at most ${MAX_EMAIL_ADDRESSES} alert addresses.`, {
      field: "address",
      values: { max: MAX_EMAIL_ADDRESSES },
    });
  }
  const row = await prisma().alertEmailAddress.create({ data: { userId, address }, select: viewSelect });
  const sent = await sendVerification(row.id, userId, address, config, now);
  if (!sent.ok) {
    await prisma().alertEmailAddress.delete({ where: { id: row.id } });
    return failed(sent.failure);
  }
  return ok({ ...row, verificationSentAt: now });
}

/** Mails a new verification link (the old one stops working), at most once a minute. */
export async function resendVerification(
  userId: string,
  id: string,
  config: MailConfig,
  now = new Date(),
): Promise<Result<void>> {
  const row = await prisma().alertEmailAddress.findFirst({ where: { id, userId }, select: viewSelect });
  if (!row) return fail("not_found", "email_not_found", "That address is not in your list.");
  if (row.verifiedAt) return fail("conflict", "email_verified", "That address is verified already.");
  if (row.verificationSentAt && now.getTime() - row.verificationSentAt.getTime() < VERIFICATION_RESEND_MS) {
    return fail(
      "conflict",
      "verification_recent",
      "A verification mail went out less than a minute ago. Wait a moment.",
    );
  }
  return sendVerification(row.id, userId, row.address, config, now);
}

async function sendVerification(
  id: string,
  userId: string,
  address: string,
  config: MailConfig,
  now: Date,
): Promise<Result<void>> {
  const secret = newUrlSecret("emailVerification");
  const owner = await prisma().user.findUnique({ where: { id: userId }, select: { locale: true } });
  await prisma().alertEmailAddress.update({
    where: { id },
    data: { verificationHash: hashUrlSecret(secret), verificationSentAt: now },
  });
  const sent = await sendMail(config, {
    to: address,
    ...verificationMail(address, verificationUrl(config.baseUrl, secret), storedLocale(owner?.locale)),
  });
  return sent.ok ? ok() : failed(sent.failure);
}

export function verificationUrl(baseUrl: string, secret: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/verify-email/${secret}`;
}

/** The address a verification link is for, while the link works; for the page that asks to confirm. */
export async function findPendingVerification(secret: string, now = new Date()): Promise<{ address: string } | null> {
  if (!looksLikeUrlSecret("emailVerification", secret)) return null;
  const row = await prisma().alertEmailAddress.findUnique({
    where: { verificationHash: hashUrlSecret(secret) },
    select: { address: true, verificationSentAt: true },
  });
  if (!row?.verificationSentAt || now.getTime() - row.verificationSentAt.getTime() > VERIFICATION_VALID_MS) return null;
  return { address: row.address };
}

/** Confirms the address a verification link was mailed to. Needs no session: holding the link is the proof. */
export async function confirmEmailAddress(secret: string, now = new Date()): Promise<Result<{ address: string }>> {
  const pending = await findPendingVerification(secret, now);
  if (!pending) {
    return fail("not_found", "verification_invalid", "This verification link is not valid any more. Send a new one.");
  }
  const { count } = await prisma().alertEmailAddress.updateMany({
    where: { verificationHash: hashUrlSecret(secret) },
    data: { verifiedAt: now, verificationHash: null },
  });
  if (count !== 1) return fail("not_found", "verification_invalid", "This link has been used already.");
  return ok(pending);
}

export async function removeEmailAddress(userId: string, id: string): Promise<boolean> {
  const { count } = await prisma().alertEmailAddress.deleteMany({ where: { id, userId } });
  return count === 1;
}
