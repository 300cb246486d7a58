import { randomUUID } from "node:crypto";
import type { Change } from "@/lib/changes/change";
import type { WriteTarget } from "@/lib/sync/store/writeLinkChanges";
import { newUser, query } from "./syncTestKit";

// Sites and links written straight into the database, for tests of the store without a wiki.
const STORE_SERVER = "https://wiki.example.org";

/** An API row of an edit, revision `revId`, one second after the last. */
export function editChange(revId: number, overrides: Partial<Change> = {}): Change {
  return {
    kind: "edit",
    source: "api",
    namespace: 0,
    title: `Page ${revId}`,
    pageId: revId,
    revId,
    oldRevId: revId - 1,
    logId: null,
    logType: null,
    logAction: null,
    logParams: null,
    user: "Editor",
    userId: 3,
    userHidden: false,
    anon: false,
    comment: `Summary ${revId}`,
    parsedComment: `Summary ${revId}`,
    commentHidden: false,
    timestamp: new Date(Date.UTC(2026, 0, 1, 0, 0, revId)),
    oldLength: 1,
    newLength: 2,
    minor: false,
    bot: false,
    isNew: false,
    tags: [],
    notificationTimestamp: null,
    expiry: null,
    ...overrides,
  };
}

export async function newStoreSite(): Promise<string> {
  const id = randomUUID();
  await query(
    `INSERT INTO sites (id, api_url, name, server, article_path, script_path, lang, namespaces, refreshed_at)
     VALUES ($1, $2, 'Example', $3, '/wiki/$1', '/w', 'en', '{}', now())`,
    [id, `https://${id}.example.org/w/api.php`, STORE_SERVER],
  );
  return id;
}

/** A new user's watchlist-token link to the site, named `label` (also its wiki account). */
export async function newStoreLink(label: string, siteId: string): Promise<WriteTarget> {
  const userId = await newUser(`${label}-${randomUUID()}@example.org`);
  const linkId = randomUUID();
  await query(
    `INSERT INTO wiki_links (id, user_id, site_id, display_name, color, auth_mode, source, login_name, wiki_username,
                             secret_sealed, can_read_api, can_read_feed, can_watch, can_mark_read, validated_at, updated_at)
     VALUES ($1, $2, $3, $4, '#3366cc', 'watchlist_token', 'api', $4, $4, 'unused here', true, true, false, false, now(), now())`,
    [linkId, userId, siteId, label],
  );
  return { linkId, userId, siteId, server: STORE_SERVER, wikiUsername: label };
}
