import { hashUrlSecret, looksLikeUrlSecret, newUrlSecret } from "@/lib/crypto/urlSecret";
import { prisma } from "@/lib/db/postgres";
import { Prisma } from "@/lib/generated/prisma/client";
import { failed, ok } from "@/lib/result";
import { requireMember } from "./members";
import { invalid, type TeamResult } from "./teamResult";

/** Every database access for team invitations. */

const INVITE_VALIDITY_DAYS = [1, 7, 30] as const;

export interface InviteView {
  id: string;
  createdByName: string;
  createdAt: Date;
  expiresAt: Date;
}

/** The address an invitation secret is shared as. */
export function inviteUrl(baseUrl: string, secret: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/teams/join/${secret}`;
}

/** A new invitation link's secret (owners only); returned once, only its hash is stored. */
export async function createInvite(
  userId: string,
  teamId: string,
  input: { validForDays: number },
  now = new Date(),
): Promise<TeamResult<{ inviteId: string; secret: string; expiresAt: Date }>> {
  const owner = await requireMember(teamId, userId, { role: "owner" });
  if (!owner.ok) return failed(owner.failure);
  if (!(INVITE_VALIDITY_DAYS as readonly number[]).includes(input.validForDays)) {
    return invalid("bad_validity", `An invitation is valid for ${INVITE_VALIDITY_DAYS.join(", ")} days.`);
  }
  const secret = newUrlSecret("invite");
  const expiresAt = new Date(now.getTime() + input.validForDays * 86_400_000);
  const row = await prisma().teamInvite.create({
    data: { teamId, createdById: userId, secretHash: hashUrlSecret(secret), expiresAt },
    select: { id: true },
  });
  return ok({ inviteId: row.id, secret, expiresAt });
}

/** The team's invitations that still work (owners only). */
export async function listInvites(userId: string, teamId: string, now = new Date()): Promise<TeamResult<InviteView[]>> {
  const owner = await requireMember(teamId, userId, { role: "owner" });
  if (!owner.ok) return failed(owner.failure);
  const rows = await prisma().teamInvite.findMany({
    where: { teamId, expiresAt: { gt: now } },
    orderBy: { createdAt: "asc" },
    select: { id: true, createdAt: true, expiresAt: true, createdBy: { select: { name: true, email: true } } },
  });
  return ok(
    rows.map((r) => ({
      id: r.id,
      createdAt: r.createdAt,
      expiresAt: r.expiresAt,
      createdByName: r.createdBy.name ?? r.createdBy.email,
    })),
  );
}

/** The link stops working at once (owners only). */
export async function revokeInvite(userId: string, teamId: string, inviteId: string): Promise<TeamResult> {
  const owner = await requireMember(teamId, userId, { role: "owner" });
  if (!owner.ok) return failed(owner.failure);
  const { count } = await prisma().teamInvite.deleteMany({ where: { id: inviteId, teamId } });
  return count === 1 ? ok(undefined) : invalid("invite_not_found", "That invitation no longer exists.");
}

export interface InvitePreview {
  teamId: string;
  teamName: string;
  expiresAt: Date;
}

/** What an invitation link leads to, or null for anything unknown, revoked, expired or malformed — indistinguishably. */
export async function findInvite(secret: string, now = new Date()): Promise<InvitePreview | null> {
  if (!looksLikeUrlSecret("invite", secret)) return null;
  const row = await prisma().teamInvite.findUnique({
    where: { secretHash: hashUrlSecret(secret) },
    select: { teamId: true, expiresAt: true, team: { select: { name: true } } },
  });
  if (!row || row.expiresAt <= now) return null;
  return { teamId: row.teamId, teamName: row.team.name, expiresAt: row.expiresAt };
}

/** Joins the invitation's team as a member; joining a team one is already in changes nothing. */
export async function joinTeam(
  userId: string,
  secret: string,
  now = new Date(),
): Promise<TeamResult<{ teamId: string }>> {
  const invite = await findInvite(secret, now);
  if (!invite)
    return invalid(
      "invite_not_valid",
      "This invitation link is not valid: it may have expired or been revoked. Ask the team's owner for a new one.",
    );
  try {
    await prisma().teamMember.upsert({
      where: { teamId_userId: { teamId: invite.teamId, userId } },
      create: { teamId: invite.teamId, userId, role: "member" },
      update: {},
    });
  } catch (error) {
    // The team was deleted between reading the invitation and joining.
    if (error instanceof Prisma.PrismaClientKnownRequestError && (error.code === "P2003" || error.code === "P2002")) {
      return invalid("team_gone", "This invitation link is not valid any more.");
    }
    throw error;
  }
  return ok({ teamId: invite.teamId });
}
