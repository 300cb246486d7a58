import type pg from "pg";
import { pgPool, prisma } from "@/lib/db/postgres";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SiteInfo } from "@/lib/mediawiki/api/siteInfo";

/**
 * Every database access for sites and wiki links. Statements that must run in another's transaction (a poll's,
 * a sync restart's) take its pg client.
 */

/** What the browser may see of a link: never a secret, only whether one is set. */
export interface LinkView {
  id: string;
  displayName: string;
  color: string;
  authMode: "bot_password" | "watchlist_token";
  source: "api" | "feed";
  feedFormat: string | null;
  sourcePinned: boolean;
  sourceNote: string | null;
  loginName: string;
  wikiUsername: string;
  hasSecret: boolean;
  canReadApi: boolean;
  canReadFeed: boolean;
  canWatch: boolean;
  canMarkRead: boolean;
  validatedAt: Date;
  site: { id: string; name: string; server: string; articlePath: string; apiUrl: string; lang: string; rtl: boolean };
}

const linkViewSelect = {
  id: true,
  displayName: true,
  color: true,
  authMode: true,
  source: true,
  feedFormat: true,
  sourcePinned: true,
  sourceNote: true,
  loginName: true,
  wikiUsername: true,
  secretSealed: true,
  canReadApi: true,
  canReadFeed: true,
  canWatch: true,
  canMarkRead: true,
  validatedAt: true,
  site: { select: { id: true, name: true, server: true, articlePath: true, apiUrl: true, lang: true, rtl: true } },
} as const;

function toView({ secretSealed, ...row }: Prisma.WikiLinkGetPayload<{ select: typeof linkViewSelect }>): LinkView {
  return { ...row, hasSecret: secretSealed.length > 0 };
}

export async function listLinksForUser(userId: string): Promise<LinkView[]> {
  const rows = await prisma().wikiLink.findMany({
    where: { userId },
    select: linkViewSelect,
    orderBy: { createdAt: "asc" },
  });
  return rows.map(toView);
}

export async function findLinkForUser(userId: string, linkId: string): Promise<LinkView | null> {
  const row = await prisma().wikiLink.findFirst({ where: { id: linkId, userId }, select: linkViewSelect });
  return row ? toView(row) : null;
}

/** The stored credentials of one of the user's links (sealed; callers open them). */
export function findLinkCredentials(userId: string, linkId: string) {
  return prisma().wikiLink.findFirst({
    where: { id: linkId, userId },
    select: {
      id: true,
      authMode: true,
      source: true,
      sourcePinned: true,
      feedFormat: true,
      loginName: true,
      wikiUsername: true,
      secretSealed: true,
      site: { select: { apiUrl: true } },
    },
  });
}

export function siteFields(apiUrl: string, info: SiteInfo) {
  return {
    apiUrl,
    name: info.siteName,
    server: info.server,
    articlePath: info.articlePath,
    scriptPath: info.scriptPath,
    lang: info.lang,
    rtl: info.rtl,
    wikiId: info.wikiId,
    generator: info.generator,
    namespaces: { namespaces: info.namespaces, aliases: info.namespaceAliases } as unknown as Prisma.InputJsonValue,
    refreshedAt: new Date(),
  };
}

/** Stores the wiki once; a later link to it refreshes what siteinfo said. */
export async function upsertSite(apiUrl: string, info: SiteInfo): Promise<string> {
  const fields = siteFields(apiUrl, info);
  const site = await prisma().site.upsert({ where: { apiUrl }, create: fields, update: fields, select: { id: true } });
  return site.id;
}

export interface NewLinkRow {
  id: string;
  userId: string;
  siteId: string;
  displayName: string;
  color: string;
  authMode: "bot_password" | "watchlist_token";
  source: "api" | "feed";
  feedFormat: string | null;
  sourcePinned: boolean;
  sourceNote: string | null;
  loginName: string;
  wikiUsername: string;
  secretSealed: string;
  sessionSealed: string | null;
  canReadApi: boolean;
  canReadFeed: boolean;
  canWatch: boolean;
  canMarkRead: boolean;
}

/** Inserts a link; returns false when the user already links that wiki account. */
export async function insertLink(row: NewLinkRow): Promise<boolean> {
  try {
    await prisma().wikiLink.create({ data: { ...row, validatedAt: new Date() } });
    return true;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return false;
    throw error;
  }
}

export type LinkUpdate = Partial<Omit<NewLinkRow, "id" | "userId" | "siteId">> & { validatedAt?: Date };

/** Updates one of the user's links; false when it is not theirs (or gone), or the change would duplicate a link. */
export async function updateLinkRow(userId: string, linkId: string, update: LinkUpdate): Promise<boolean> {
  try {
    const { count } = await prisma().wikiLink.updateMany({ where: { id: linkId, userId }, data: update });
    return count === 1;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return false;
    throw error;
  }
}

export async function deleteLinkRow(userId: string, linkId: string): Promise<boolean> {
  const { count } = await prisma().wikiLink.deleteMany({ where: { id: linkId, userId } });
  return count === 1;
}

/** Locks the link's row for the caller's transaction, waiting for any poll that is committing under it. */
export async function lockLinkRow(client: pg.ClientBase, linkId: string): Promise<void> {
  await client.query(`SELECT 1 FROM wiki_links WHERE id = $1::uuid FOR UPDATE`, [linkId]);
}

/** Whether the link exists and belongs to the user. */
export async function linkBelongsTo(userId: string, linkId: string): Promise<boolean> {
  const { rowCount } = await pgPool().query(`SELECT 1 FROM wiki_links WHERE id = $1::uuid AND user_id = $2::uuid`, [
    linkId,
    userId,
  ]);
  return (rowCount ?? 0) > 0;
}

/** A link with what opening its client needs (sealed secrets, its wiki), for server jobs; null when it is gone. */
export function findLinkToOpen(linkId: string) {
  return prisma().wikiLink.findUnique({
    where: { id: linkId },
    include: { site: { select: { id: true, apiUrl: true, name: true } } },
  });
}

/** Every link's sealed secret, for checking that this server's key still opens them (after a restore). */
export function listSealedLinkSecrets(): Promise<{ id: string; secretSealed: string }[]> {
  return prisma().wikiLink.findMany({ select: { id: true, secretSealed: true }, orderBy: { id: "asc" } });
}

export async function storeLinkSession(linkId: string, sessionSealed: string): Promise<void> {
  await prisma().wikiLink.update({ where: { id: linkId }, data: { sessionSealed } });
}

const LOCK_LINK_FOR_POLL = `
SELECT id FROM wiki_links
WHERE id = $1::uuid AND user_id = $2::uuid AND site_id = $3::uuid AND wiki_username = $4
FOR KEY SHARE`;

/**
 * Locks the link for the poll's transaction, as a foreign key would for every row it inserts: deleting the link
 * waits until the poll commits, then deletes what it wrote (migration 20261123220000), and so does moving it to
 * another wiki account (restartLinkSync). Its wiki cannot go meanwhile either: a site is deleted only once no
 * link refers to it (wiki_links.site_id, ON DELETE RESTRICT). No row means the link is gone or moved (to another
 * user, wiki or wiki account): the poll must not write, and false is returned.
 */
export async function lockLinkForPoll(
  client: pg.ClientBase,
  link: { linkId: string; userId: string; siteId: string; wikiUsername: string },
): Promise<boolean> {
  const { rowCount } = await client.query(LOCK_LINK_FOR_POLL, [
    link.linkId,
    link.userId,
    link.siteId,
    link.wikiUsername,
  ]);
  return (rowCount ?? 0) > 0;
}

/**
 * A token link that read the feed now reads list=watchlist: its cursor (the feed's newest change) is forgotten,
 * so the first API poll reads the wiki's whole window. False when it had moved already.
 */
export async function moveTokenLinkToApi(linkId: string): Promise<boolean> {
  const { rowCount } = await pgPool().query(
    `WITH moved AS (
       UPDATE wiki_links SET source = 'api', source_note = NULL, updated_at = now()
       WHERE id = $1::uuid AND source = 'feed' AND NOT source_pinned RETURNING id
     ), forgotten AS (
       UPDATE link_sync_states SET cursor_at = NULL, updated_at = now() WHERE link_id IN (SELECT id FROM moved)
     )
     SELECT 1 FROM moved`,
    [linkId],
  );
  return rowCount === 1;
}

/** Why a token link still reads the feed (the wiki's refusal of list=watchlist), written only when it changed. */
export async function noteTokenLinkSource(linkId: string, note: string): Promise<void> {
  await pgPool().query(
    `UPDATE wiki_links SET source_note = $2 WHERE id = $1::uuid AND source_note IS DISTINCT FROM $2`,
    [linkId, note],
  );
}
