import pg from "pg";
import { hashPassword } from "@/lib/accounts/passwordHash";
import { LINK_COLORS } from "@/lib/links/linkColors";

export const SCREEN_EMAIL = "screen@bench.invalid";
export const SCREEN_PASSWORD = "screen bench password";

const WIKIS = [
  { name: "Alpha Wiki", host: "alpha" },
  { name: "Beta Wiki", host: "beta" },
  { name: "Gamma Wiki", host: "gamma" },
];
const PAGES = [
  "Alpha",
  "Beta",
  "Hidden edit",
  "Tagged page",
  "Gamma",
  "Ünïcödé – Ωmega",
  "Main Page",
  "Sandbox",
  "List of rivers of Europe",
  "History of the printing press",
  "Photosynthesis",
  "Talk:Alpha",
  "Talk:Photosynthesis",
  "User:Alice",
  "User talk:Bob",
  "Wikipedia:Village pump",
  "Template:Infobox river",
  "Category:Rivers",
];
const USERS = ["Alice", "Bob", "Carol", "Dmitri", "Eve", "Farah", "Gao", "Hanne", "WikiBot", "192.0.2.14"];
const SECTIONS = ["History", "Etymology", "Geography", "References", "See also", "Early life"];
const SUMMARIES = ["fixed typo", "copyedit", "added source", "rv vandalism", "update", "expand", "wording", ""];
const TAGS = [[], [], [], ["mobile edit"], ["visualeditor"], ["mw-reverted"]];

/** Deterministic pseudo-random numbers (a linear congruential generator), so every run seeds the same timeline. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/**
 * One account with 3 linked wikis and `changes` changes over the last days, shaped like the fixture wikis' and
 * a busy watchlist's: pages in several namespaces, section summaries, bots, IPs, minor edits, tags, sizes from a
 * few bytes to thousands, about a third unread. The links look just synced, so the app does not poll the
 * (non-existent) wikis while measured.
 */
export async function seedScreen(databaseUrl: string, changes: number): Promise<void> {
  const random = generator(27);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const {
      rows: [user],
    } = await client.query<{ id: string }>(
      "INSERT INTO users (id, email, password_hash, updated_at) VALUES (gen_random_uuid(), $1, $2, now()) RETURNING id",
      [SCREEN_EMAIL, await hashPassword(SCREEN_PASSWORD)],
    );
    const links: { id: string; siteId: string; server: string }[] = [];
    for (const [i, wiki] of WIKIS.entries()) {
      const server = `https://${wiki.host}.bench.invalid`;
      const {
        rows: [site],
      } = await client.query<{ id: string }>(
        `INSERT INTO sites (id, api_url, name, server, article_path, script_path, lang, namespaces, refreshed_at)
         VALUES (gen_random_uuid(), $1, $2, $3, '/wiki/$1', '/w', 'en', '{}', now()) RETURNING id`,
        [`${server}/w/api.php`, wiki.name, server],
      );
      const {
        rows: [link],
      } = await client.query<{ id: string }>(
        `INSERT INTO wiki_links (id, user_id, site_id, display_name, color, auth_mode, source, login_name, wiki_username,
                                 secret_sealed, can_read_api, can_read_feed, can_watch, can_mark_read, validated_at, updated_at)
         VALUES (gen_random_uuid(), $1, $2, $3, $4, 'bot_password', 'api', 'Alice@bench', 'Alice', 'x', true, false, true, true, now(), now())
         RETURNING id`,
        [user!.id, site!.id, wiki.name, LINK_COLORS[i]],
      );
      links.push({ id: link!.id, siteId: site!.id, server });
    }
    const now = Date.now();
    const rows = Array.from({ length: changes }, (_, n) => {
      const link = pick(links);
      const title = pick(PAGES);
      const user = pick(USERS);
      const section = random() < 0.5 ? pick(SECTIONS) : null;
      const text = pick(SUMMARIES);
      const page = `${link.server}/wiki/${encodeURIComponent(title.replace(/ /g, "_"))}`;
      const summary =
        (section
          ? `<span class="autocomment"><a href="${page}#${section.replace(/ /g, "_")}" rel="nofollow noreferrer">→‎${section}</a>${text ? ": " : ""}</span>`
          : "") + text;
      const delta = Math.round((random() - 0.45) * (random() < 0.1 ? 4000 : 300));
      const old = 2000 + Math.floor(random() * 20000);
      return {
        link,
        title,
        user,
        comment: `${section ? `/* ${section} */ ` : ""}${text}`,
        summary,
        // Busier recently, as a watchlist is: a change every few minutes, further apart going back.
        timestamp: new Date(now - (n * 4 + n * n * 0.004) * 60_000),
        old,
        delta,
        minor: random() < 0.2,
        bot: user === "WikiBot",
        anon: user.startsWith("192."),
        tags: pick(TAGS),
        unread: random() < 0.35,
        rev: 100_000 + changes - n,
      };
    });
    await client.query(
      `WITH input AS (
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::int[],
                              $8::int[], $9::bool[], $10::bool[], $11::bool[], $12::text[], $13::bigint[], $14::uuid[], $15::bool[])
           AS t(site_id, title, user_name, comment, summary, ts, old_length, delta, minor, bot, anon, tags, rev, link_id, unread)
       ),
       added AS (
         INSERT INTO changes (site_id, change_key, kind, source, namespace, title, page_id, rev_id, old_rev_id, user_name, user_hidden,
                              anon, comment, parsed_comment, comment_hidden, summary_html, "timestamp", old_length, new_length,
                              minor, bot, is_new, tags)
         SELECT site_id, 'rev:' || rev, 'edit', 'api',
                CASE WHEN title LIKE 'Talk:%' THEN 1 WHEN title LIKE 'User:%' THEN 2 WHEN title LIKE 'User talk:%' THEN 3
                     WHEN title LIKE 'Wikipedia:%' THEN 4 WHEN title LIKE 'Template:%' THEN 10 WHEN title LIKE 'Category:%' THEN 14 ELSE 0 END,
                title, 1, rev, rev - 1, user_name, false, anon, comment, nullif(summary, ''), false, nullif(summary, ''), ts,
                old_length, old_length + delta, minor, bot, false, CASE WHEN tags = '' THEN '{}' ELSE ARRAY[tags] END
         FROM input
         RETURNING id, change_key, site_id, "timestamp", namespace, minor, bot, anon
       )
       INSERT INTO link_changes (link_id, change_id, user_id, site_id, "timestamp", namespace, kind, minor, bot, anon, notification_timestamp)
       SELECT i.link_id, a.id, $16::uuid, a.site_id, a."timestamp", a.namespace, 'edit', a.minor, a.bot, a.anon,
              CASE WHEN i.unread THEN a."timestamp" END
       FROM added a JOIN input i ON 'rev:' || i.rev = a.change_key`,
      [
        rows.map((r) => r.link.siteId),
        rows.map((r) => r.title),
        rows.map((r) => r.user),
        rows.map((r) => r.comment),
        rows.map((r) => r.summary),
        rows.map((r) => r.timestamp),
        rows.map((r) => r.old),
        rows.map((r) => r.delta),
        rows.map((r) => r.minor),
        rows.map((r) => r.bot),
        rows.map((r) => r.anon),
        rows.map((r) => r.tags[0] ?? ""),
        rows.map((r) => r.rev),
        rows.map((r) => r.link.id),
        rows.map((r) => r.unread),
        user!.id,
      ],
    );
    await client.query(
      `INSERT INTO link_sync_states (link_id, status, cursor_at, next_run_at, last_attempt_at, last_success_at, updated_at)
       SELECT id, 'ok', now(), now() + interval '1 day', now(), now(), now() FROM wiki_links`,
    );
    await client.query("VACUUM ANALYZE");
  } finally {
    await client.end();
  }
}
