import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/postgres";
import { getTimelineOptions } from "@/lib/timeline/getTimelineOptions";
import { loadTimelineView, type TimelineViewer } from "@/lib/timeline/loadTimelineView";
import { safeParseTimelineFilters } from "@/lib/timeline/timelineFilters";
import { SUMMARIES_HE, TITLES_HE } from "@/test/mediawiki/seedPlan";
import { useTestDatabase } from "@/test/support/useTestDatabase";
import { fixtureWiki } from "@/test/support/wikiFixture";
import { linkAndSync, newUser } from "./timelineTestKit";

// aleph, the fixture's Hebrew wiki, beside alpha (English): what siteinfo says of each wiki's content direction
// and language is stored, and every timeline row carries its own wiki's.
let viewer: TimelineViewer;

beforeAll(async () => {
  await useTestDatabase(import.meta.url);
  viewer = { userId: await newUser("rtl@example.org"), timeZone: "UTC" };
  await linkAndSync(viewer.userId, "alpha");
  await linkAndSync(viewer.userId, "aleph");
}, 120_000);

describe("a right-to-left wiki beside a left-to-right one", () => {
  it("stores each wiki's content direction and language from its siteinfo", async () => {
    const sites = await prisma().site.findMany({ select: { apiUrl: true, lang: true, rtl: true } });
    expect(sites).toEqual(
      expect.arrayContaining([
        { apiUrl: fixtureWiki("aleph").apiUrl, lang: "he", rtl: true },
        { apiUrl: fixtureWiki("alpha").apiUrl, lang: "en", rtl: false },
      ]),
    );
  });

  it("gives every row its wiki's direction and language, and keeps the wiki's text as it is", async () => {
    const rowsOf = async (key: "alpha" | "aleph") => {
      const site = await prisma().site.findUniqueOrThrow({ where: { apiUrl: fixtureWiki(key).apiUrl } });
      const filters = safeParseTimelineFilters(new URLSearchParams(`wiki=${site.id}`));
      if (!filters.ok) throw new Error(filters.failure.message);
      return (await loadTimelineView(viewer, filters.value, null, 500)).rows;
    };
    const hebrew = await rowsOf("aleph");
    // At least the seed's rows: browser tests add edits to the wiki, which is kept between runs.
    expect(hebrew.length).toBeGreaterThanOrEqual(fixtureWiki("aleph").seed.counts.aliceAllrev);
    for (const row of hebrew) expect([row.dir, row.lang]).toEqual(["rtl", "he"]);
    const english = await rowsOf("alpha");
    expect(english.length).toBeGreaterThan(0);
    for (const row of english) expect([row.dir, row.lang]).toEqual(["ltr", "en"]);
    expect(hebrew.map((r) => r.title)).toEqual(expect.arrayContaining([TITLES_HE.parens, TITLES_HE.mainTalk]));
    const digits = hebrew.find((r) => r.title === TITLES_HE.digits && !r.flags.new)!;
    expect(digits.summaryHtml).toContain(SUMMARIES_HE["he-digits"]);
  });

  it("offers the namespace filter with the wikis' own names for it", async () => {
    const { namespaces } = await getTimelineOptions(viewer.userId);
    expect(namespaces.find((n) => n.value === "Talk")?.label).toBe("Talk (שיחה)");
  });
});
