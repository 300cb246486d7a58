import { beforeAll, describe, expect, it, vi } from "vitest";
import TeamTimelinePage from "@/app/(app)/teams/[id]/page";
import TeamSettingsPage from "@/app/(app)/teams/[id]/settings/page";
import { GET as teamGET } from "@/app/api/teams/[id]/route";
import { GET as newGET } from "@/app/api/teams/[id]/timeline/new/route";
import { GET as timelineGET } from "@/app/api/teams/[id]/timeline/route";
import { GET as feedGET } from "@/app/feed/[file]/route";
import { syncLink } from "@/lib/sync/syncLink";
import { createInvite, joinTeam } from "@/lib/teams/invites";
import { removeMember } from "@/lib/teams/members";
import { setLinkShared } from "@/lib/teams/sharing";
import { createTeamFeed } from "@/lib/teams/teamFeeds";
import { createTeam, getTeamOverview } from "@/lib/teams/teams";
import { loadTeamTimelineView } from "@/lib/teams/teamTimeline";
import { NO_FILTERS } from "@/lib/timeline/timelineFilters";
import { deps, expectedSeedKeys, linkWithBotPassword, newUser, query } from "@/test/integration/sync/syncTestKit";
import { useTestDatabase } from "@/test/support/useTestDatabase";
import { botPassword, fixtureWiki, loopbackNetwork } from "@/test/support/wikiFixture";
import { changeKeys, changesOfLinks, wholeTeamGroups, wholeTeamTimeline } from "./teamTestKit";

// The API routes read the session through currentUser; here it is whoever the test says is signed in.
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/currentUser", () => ({
  currentUser: async () =>
    session.userId ? { id: session.userId, email: "x@example.org", name: null, isAdmin: false, sessionEpoch: 0 } : null,
  requireUser: async () => {
    if (!session.userId) throw new Error("signed out");
    return { id: session.userId, email: "x@example.org", name: null, isAdmin: false, sessionEpoch: 0 };
  },
}));

// Outside a Next request there is no negotiated language; the routes ask next-intl for it.
const language = vi.hoisted(() => ({ locale: "en" }));
vi.mock("next-intl/server", async (original) => {
  const { createFormatter, createTranslator } = await import("use-intl/core");
  const { messagesFor } = await import("@/lib/i18n/catalogues");
  return {
    ...(await original<typeof import("next-intl/server")>()),
    getLocale: async () => language.locale,
    getTranslations: async (namespace?: string) =>
      createTranslator({ locale: language.locale, messages: messagesFor(language.locale as "en"), namespace } as never),
    getFormatter: async () => createFormatter({ locale: language.locale as "en", timeZone: "UTC" }),
  };
});

process.env.WATCHDECK_URL = "https://watchdeck.test";

/** Anna links Alice's accounts on alpha and beta; Ben links Bob's on both; Carl (never a member) links Alice's alpha too. */
let anna: string, ben: string, carl: string;
let annaAlpha: string, annaBeta: string, benAlpha: string, benBeta: string, carlAlpha: string;
let teamId: string;

async function api(handler: typeof timelineGET, path: string, asUser: string | null, id = teamId) {
  session.userId = asUser;
  // The browser's language, as next-intl's (mocked) request configuration also answers it.
  const headers = { "accept-language": language.locale };
  return handler(new Request(`https://watchdeck.test${path}`, { headers }), { params: Promise.resolve({ id }) });
}

async function feed(secret: string) {
  return feedGET(new Request(`https://watchdeck.test/feed/${secret}.atom?limit=500`), {
    params: Promise.resolve({ file: `${secret}.atom` }),
  });
}

/** Renders a team page as the user; "404" when it calls notFound(). */
async function pageAs(userId: string, id = teamId): Promise<"404" | "page"> {
  session.userId = userId;
  try {
    await TeamTimelinePage({ params: Promise.resolve({ id }), searchParams: Promise.resolve({}) });
    await TeamSettingsPage({ params: Promise.resolve({ id }), searchParams: Promise.resolve({}) });
    return "page";
  } catch (error) {
    if ((error as { digest?: string }).digest === "NEXT_HTTP_ERROR_FALLBACK;404") return "404";
    throw error;
  }
}

const seeded = (wiki: "alpha" | "beta", who: "Alice" | "Bob") =>
  [...expectedSeedKeys(fixtureWiki(wiki), who).values()].map((key) => `${fixtureWiki(wiki).apiUrl} ${key}`);

beforeAll(async () => {
  await useTestDatabase(import.meta.url);
  const alpha = fixtureWiki("alpha");
  const beta = fixtureWiki("beta");
  const network = loopbackNetwork();
  anna = await newUser("team-anna@example.org");
  ben = await newUser("team-ben@example.org");
  carl = await newUser("team-carl@example.org");
  annaAlpha = await linkWithBotPassword(
    anna,
    alpha.apiUrl,
    "Alice@watchdeck",
    botPassword(alpha, "Alice@watchdeck"),
    network,
  );
  annaBeta = await linkWithBotPassword(
    anna,
    beta.apiUrl,
    "Alice@watchdeck",
    botPassword(beta, "Alice@watchdeck"),
    network,
  );
  benAlpha = await linkWithBotPassword(
    ben,
    alpha.apiUrl,
    "Bob@watchdeck",
    botPassword(alpha, "Bob@watchdeck"),
    network,
  );
  benBeta = await linkWithBotPassword(ben, beta.apiUrl, "Bob@watchdeck", botPassword(beta, "Bob@watchdeck"), network);
  carlAlpha = await linkWithBotPassword(
    carl,
    alpha.apiUrl,
    "Alice@watchdeck",
    botPassword(alpha, "Alice@watchdeck"),
    network,
  );
  for (const link of [annaAlpha, annaBeta, benAlpha, benBeta, carlAlpha]) {
    expect(await syncLink(link, deps(network))).toMatchObject({ status: "synced" });
  }

  const created = await createTeam(anna, { name: "Patrol" });
  if (!created.ok) throw new Error(created.failure.message);
  teamId = created.value.teamId;
  const invite = await createInvite(anna, teamId, { validForDays: 7 });
  if (!invite.ok) throw new Error(invite.failure.message);
  expect(await joinTeam(ben, invite.value.secret)).toEqual({ ok: true, value: { teamId } });
}, 300_000);

describe("a team timeline", () => {
  it("shows nothing until members share links: nothing is shared by default", async () => {
    expect(await wholeTeamTimeline(teamId, anna)).toEqual([]);
    expect(await wholeTeamTimeline(teamId, ben)).toEqual([]);
  });

  it("is exactly the union of the shared links' changes, each once, with the sharing links that watch each page", async () => {
    for (const [user, link] of [
      [anna, annaAlpha],
      [anna, annaBeta],
      [ben, benAlpha],
    ] as const) {
      expect(await setLinkShared(user, teamId, link, true)).toEqual({ ok: true, value: undefined });
    }
    const expected = await changesOfLinks([annaAlpha, annaBeta, benAlpha]);
    for (const viewer of [anna, ben]) {
      const rows = await wholeTeamTimeline(teamId, viewer);
      expect(rows.map((r) => r.id).sort()).toEqual([...expected.keys()].sort());
      expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
      for (const row of rows) expect(row.watchers.map((w) => w.linkId).sort()).toEqual(expected.get(row.id));
      // Ben's unshared beta link and Carl's link never show, not even as a watcher.
      const everyWatcher = new Set(rows.flatMap((r) => r.watchers.map((w) => w.linkId)));
      expect(everyWatcher).toEqual(new Set([annaAlpha, annaBeta, benAlpha]));
      // Row actions may only use the viewer's own links.
      for (const row of rows)
        expect(row.ownLinkIds.every((id) => row.watchers.some((w) => w.linkId === id && w.userId === viewer))).toBe(
          true,
        );
    }
    // Small pages: every page boundary must neither skip nor repeat a change, also one that several links saw.
    const paged = await wholeTeamTimeline(teamId, anna, NO_FILTERS, 7);
    expect(paged.map((r) => r.id)).toEqual((await wholeTeamTimeline(teamId, anna)).map((r) => r.id));
    expect([...expected.values()].some((links) => links.length > 1)).toBe(true);
  });

  it("matches the fixture's seed: Alice's alpha and beta watchlists and Bob's alpha watchlist, and none of Bob's beta-only pages", async () => {
    const rows = await wholeTeamTimeline(teamId, anna);
    const keys = await changeKeys(rows.map((r) => r.id));
    const [aliceAlpha, bobAlpha, aliceBeta, bobBeta] = [
      seeded("alpha", "Alice"),
      seeded("alpha", "Bob"),
      seeded("beta", "Alice"),
      seeded("beta", "Bob"),
    ];
    const seedKnown = new Set([...aliceAlpha, ...bobAlpha, ...aliceBeta, ...bobBeta]);
    const shown = new Set([...keys.values()].filter((k) => seedKnown.has(k)));
    expect([...shown].sort()).toEqual([...new Set([...aliceAlpha, ...bobAlpha, ...aliceBeta])].sort());
    const benOnlyBeta = bobBeta.filter((k) => !aliceBeta.includes(k));
    expect(benOnlyBeta.length).toBeGreaterThan(0);
    for (const key of benOnlyBeta) expect(shown.has(key)).toBe(false);

    // Watched by: a change both Alice and Bob watch on alpha lists both members; Bob-only ones only Ben.
    const byKey = new Map(rows.map((r) => [keys.get(r.id)!, r]));
    const aliceAlphaSet = new Set(aliceAlpha);
    const both = bobAlpha.filter((k) => aliceAlphaSet.has(k));
    const bobOnly = bobAlpha.filter((k) => !aliceAlphaSet.has(k));
    expect(both.length).toBeGreaterThan(0);
    expect(bobOnly.length).toBeGreaterThan(0);
    for (const key of both)
      expect(
        byKey
          .get(key)!
          .watchers.map((w) => w.userId)
          .sort(),
      ).toEqual([anna, ben].sort());
    for (const key of bobOnly) expect(byKey.get(key)!.watchers.map((w) => w.linkId)).toEqual([benAlpha]);
  });

  it("grouped by page: one group per page and day the shared links saw, headed by its newest change, the same in small pages", async () => {
    // Straight from SQL: each page's newest change of each (UTC) day among the shared links' rows, and how many changes it has.
    const expected = await query<{ id: string; count: number }>(
      `SELECT id, count FROM (
         SELECT DISTINCT ON (c.site_id, c.title, day) c.id::text AS id, c."timestamp", c.id AS change_id,
                count(*) OVER (PARTITION BY c.site_id, c.title, day)::int AS count
         FROM changes c CROSS JOIN LATERAL (SELECT (c."timestamp" AT TIME ZONE 'UTC')::date AS day) d
         WHERE c.id IN (SELECT lc.change_id FROM link_changes lc
                        JOIN team_shared_links ts ON ts.link_id = lc.link_id AND ts.user_id = lc.user_id WHERE ts.team_id = $1)
         ORDER BY c.site_id, c.title, day, c."timestamp" DESC, c.id DESC) heads
       ORDER BY "timestamp" DESC, change_id DESC`,
      [teamId],
    );
    expect(expected.some((page) => page.count > 1)).toBe(true);
    const groups = await wholeTeamGroups(teamId, anna);
    expect(groups.map((g) => ({ id: g.head.id, count: g.count }))).toEqual(expected);
    expect((await wholeTeamGroups(teamId, ben, 7)).map((g) => g.head.id)).toEqual(expected.map((page) => page.id));
  });

  it('filters by "watched by member" and keeps every watcher of the rows it shows', async () => {
    const onlyBen = await wholeTeamTimeline(teamId, anna, { ...NO_FILTERS, watchedBy: [ben] });
    expect(onlyBen.map((r) => r.id).sort()).toEqual([...(await changesOfLinks([benAlpha])).keys()].sort());
    expect(onlyBen.some((r) => r.watchers.some((w) => w.userId === anna))).toBe(true);
    const annaWiki = await wholeTeamTimeline(teamId, ben, {
      ...NO_FILTERS,
      watchedBy: [anna],
      wikis: [onlyBen[0]!.siteId],
    });
    expect(annaWiki.map((r) => r.id).sort()).toEqual([...(await changesOfLinks([annaAlpha])).keys()].sort());
  });

  it("filters by wiki: every change the shared links saw on it and none of another wiki's, in small pages too", async () => {
    const beta = (
      await query<{ site_id: string }>(`SELECT site_id::text FROM wiki_links WHERE id = $1::uuid`, [annaBeta])
    )[0]!.site_id;
    const expected = [...(await changesOfLinks([annaBeta])).keys()].sort();
    expect(expected.length).toBeGreaterThan(7);
    for (const pageSize of [500, 7]) {
      const rows = await wholeTeamTimeline(teamId, ben, { ...NO_FILTERS, wikis: [beta] }, pageSize);
      expect(rows.map((r) => r.id).sort()).toEqual(expected);
    }
  });

  it("drops a link's changes at once when its owner unshares it, and brings them back when shared again", async () => {
    const before = await wholeTeamTimeline(teamId, anna);
    expect(await setLinkShared(anna, teamId, annaBeta, false)).toEqual({ ok: true, value: undefined });
    const after = await wholeTeamTimeline(teamId, ben);
    expect(after.map((r) => r.id).sort()).toEqual([...(await changesOfLinks([annaAlpha, benAlpha])).keys()].sort());
    expect(after.length).toBeLessThan(before.length);
    expect(await setLinkShared(anna, teamId, annaBeta, true)).toEqual({ ok: true, value: undefined });
    expect((await wholeTeamTimeline(teamId, ben)).length).toBe(before.length);
  });

  it("refuses to share another user's link, and a non-member cannot share into the team", async () => {
    expect(await setLinkShared(ben, teamId, annaBeta, true)).toMatchObject({ ok: false, failure: { kind: "invalid" } });
    expect(await setLinkShared(carl, teamId, carlAlpha, true)).toMatchObject({
      ok: false,
      failure: { kind: "not_found" },
    });
    const overview = await getTeamOverview(teamId, anna);
    expect(overview?.members.find((m) => m.userId === ben)?.sharedLinks.map((l) => l.linkId)).toEqual([benAlpha]);
  });

  it("answers the team API for members", async () => {
    const response = await api(timelineGET, `/api/teams/${teamId}/timeline?limit=5`, ben);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { rows: { id: string }[]; nextCursor: string | null };
    expect(body.rows).toHaveLength(5);
    const newer = await api(
      newGET,
      `/api/teams/${teamId}/timeline/new?after=${encodeURIComponent(body.nextCursor!)}`,
      ben,
    );
    // The cursor is the fifth row's: the four above it are newer.
    expect(await newer.json()).toEqual({ count: 4 });
    const team = await api(teamGET, `/api/teams/${teamId}`, ben);
    expect(team.status).toBe(200);
    const text = await team.clone().text();
    expect(text).not.toContain(benBeta);
    expect(text).not.toMatch(/secret|password|token/i);
  });
});

describe("a non-member", () => {
  it("gets 404 for the team pages and API (the API exactly as for a team that does not exist), and nothing from the library", async () => {
    const unknown = "00000000-0000-4000-8000-000000000000";
    for (const handler of [teamGET, timelineGET]) {
      const path = handler === teamGET ? `/api/teams/${teamId}` : `/api/teams/${teamId}/timeline`;
      const theirs = await api(handler, path, carl);
      const none = await api(handler, path, carl, unknown);
      expect(theirs.status).toBe(404);
      expect(none.status).toBe(404);
      expect(await theirs.text()).toBe(await none.text());
    }
    expect((await api(newGET, `/api/teams/${teamId}/timeline/new?after=1.1`, carl)).status).toBe(404);
    expect((await api(timelineGET, `/api/teams/not-a-uuid/timeline`, carl, "not-a-uuid")).status).toBe(404);
    expect((await api(timelineGET, `/api/teams/${teamId}/timeline`, null)).status).toBe(401);
    // The errors the pages show from these routes are in the reader's language, with their code.
    language.locale = "es";
    try {
      expect(await (await api(timelineGET, `/api/teams/${teamId}/timeline`, null)).json()).toEqual({
        error: "Inicia sesión primero.",
        code: "signed_out",
      });
      expect(await (await api(teamGET, `/api/teams/${teamId}`, carl)).json()).toEqual({
        error: "No existe ese equipo.",
        code: "team_not_found",
      });
      expect(await (await api(timelineGET, `/api/teams/${teamId}/timeline?type=zzz`, anna)).json()).toMatchObject({
        error: expect.stringMatching(/^Filtro «types»: Opción inválida/),
        code: "bad_filter",
      });
    } finally {
      language.locale = "en";
    }
    expect(await loadTeamTimelineView(teamId, { userId: carl, timeZone: "UTC" }, NO_FILTERS, null)).toMatchObject({
      ok: false,
      failure: { kind: "not_found" },
    });
    expect(await getTeamOverview(teamId, carl)).toBeNull();
    expect(await createTeamFeed(carl, teamId, { name: "sneak", filterQuery: "" })).toMatchObject({
      ok: false,
      failure: { kind: "not_found" },
    });
    expect(await pageAs(carl)).toBe("404");
    expect(await pageAs(anna)).toBe("page");
  });
});

describe("team feeds", () => {
  it("show the team timeline to any reader of the URL, and stop (404) once their creator is removed from the team", async () => {
    const created = await createTeamFeed(ben, teamId, { name: "Team patrol", filterQuery: "" });
    if (!created.ok) throw new Error(created.failure.message);
    const response = await feed(created.value.secret);
    expect(response.status).toBe(200);
    const xml = await response.text();
    const ids = [...xml.matchAll(/<id>urn:watchdeck:change:(\d+)<\/id>/g)].map((m) => m[1]!);
    const team = await wholeTeamTimeline(teamId, ben);
    expect(ids).toEqual(team.slice(0, 500).map((r) => r.id));
    // Ben's own unshared beta watchlist is not in it.
    const benBetaOnly = [...(await changesOfLinks([benBeta])).keys()].filter((id) => !team.some((r) => r.id === id));
    expect(benBetaOnly.length).toBeGreaterThan(0);
    for (const id of benBetaOnly) expect(ids).not.toContain(id);

    expect(await removeMember(anna, teamId, ben)).toEqual({ ok: true, value: undefined });
    expect((await feed(created.value.secret)).status).toBe(404);
  });
});

describe("a removed member", () => {
  it("gets 404 for the team pages and API, and their shared links leave the team view at once", async () => {
    for (const [handler, path] of [
      [teamGET, `/api/teams/${teamId}`],
      [timelineGET, `/api/teams/${teamId}/timeline`],
    ] as const) {
      expect((await api(handler, path, ben)).status).toBe(404);
    }
    expect(await pageAs(ben)).toBe("404");
    const rows = await wholeTeamTimeline(teamId, anna);
    expect(rows.map((r) => r.id).sort()).toEqual([...(await changesOfLinks([annaAlpha, annaBeta])).keys()].sort());
    expect(rows.every((r) => r.watchers.every((w) => w.userId === anna))).toBe(true);
  });
});
