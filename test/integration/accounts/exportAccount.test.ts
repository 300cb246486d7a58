import { beforeAll, expect, it } from "vitest";
import { exportAccount } from "@/lib/accounts/exportAccount";
import { createFeedToken } from "@/lib/feeds/feedTokens";
import { createTeam } from "@/lib/teams/teams";
import { saveTimelinePreset } from "@/lib/timeline/presets/saveTimelinePreset";
import { parseTimelineFilters } from "@/lib/timeline/timelineFilters";
import { countingNetwork, linkWithToken, newUser, query } from "@/test/integration/sync/syncTestKit";
import { useTestDatabase } from "@/test/support/useTestDatabase";
import { fixtureWiki } from "@/test/support/wikiFixture";

beforeAll(async () => {
  await useTestDatabase(import.meta.url);
});

it("exports the account's links, presets, feeds, teams and read state, and none of their secrets", async () => {
  const userId = await newUser("exporter@example.org");
  const alpha = fixtureWiki("alpha");
  const token = alpha.watchlistTokens.Alice!;
  const linkId = await linkWithToken(userId, alpha.apiUrl, "Alice", token, "api", countingNetwork());
  const feed = await createFeedToken(userId, { name: "Reader feed", filterQuery: "q=x" });
  if (!feed.ok) throw new Error(feed.failure.message);
  await saveTimelinePreset(userId, "Only bots", parseTimelineFilters(new URLSearchParams("")));
  await createTeam(userId, { name: "Export team" });
  const [change] = await query<{ id: string }>(
    `INSERT INTO changes (site_id, change_key, kind, source, title, user_hidden, anon, comment_hidden, timestamp, minor, bot, is_new)
    SELECT site_id, 'rev:export-1', 'edit', 'api', 'Unread page', false, false, false, now(), false, false, false FROM wiki_links WHERE id = $1 RETURNING id::text`,
    [linkId],
  );
  await query(
    `INSERT INTO link_changes (link_id, change_id, user_id, site_id, timestamp, kind, minor, bot, anon, notification_timestamp)
    SELECT id, $2::bigint, user_id, site_id, now(), 'edit', false, false, false, '2026-12-01T10:00:00Z' FROM wiki_links WHERE id = $1`,
    [linkId, change!.id],
  );

  const data = await exportAccount(userId);
  const text = JSON.stringify(data);
  expect(text).not.toContain(token);
  expect(text).not.toContain(feed.value.secret);
  expect(text).not.toMatch(/sealed|secretHash|passwordHash/);
  expect(data.account).toMatchObject({ email: "exporter@example.org", timeZone: null, locale: null });
  expect(data.links).toEqual([
    expect.objectContaining({ id: linkId, wikiUsername: "Alice", authMode: "watchlist_token", apiUrl: alpha.apiUrl }),
  ]);
  expect(data.presets).toEqual([expect.objectContaining({ name: "Only bots", filterQuery: "" })]);
  expect(data.feeds).toEqual([expect.objectContaining({ name: "Reader feed", filterQuery: "q=x", team: null })]);
  expect(data.teams).toEqual([expect.objectContaining({ team: "Export team", role: "owner" })]);
  expect(data.readState).toEqual([{ linkId, title: "Unread page", unreadSince: new Date("2026-12-01T10:00:00Z") }]);
});
