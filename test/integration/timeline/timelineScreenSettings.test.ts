import { beforeAll, describe, expect, it } from "vitest";
import { pgPool } from "@/lib/db/postgres";
import { getSyncProblemsForUser } from "@/lib/sync/getSyncStatusForUser";
import { getTimelineOptions } from "@/lib/timeline/getTimelineOptions";
import { parseHighlightRuleInput } from "@/lib/timeline/highlights/highlightRule";
import { listHighlightRules, saveHighlightRule } from "@/lib/timeline/highlights/highlightRules";
import { listTimelinePresets } from "@/lib/timeline/presets/listTimelinePresets";
import { saveTimelinePreset } from "@/lib/timeline/presets/saveTimelinePreset";
import { NO_FILTERS } from "@/lib/timeline/timelineFilters";
import { readTimelineScreenSettings } from "@/lib/timeline/timelineScreenSettings";
import { watchingLinks, watchingLinksOf } from "@/lib/watching/watchingLinks";
import { useTestDatabase } from "@/test/support/useTestDatabase";
import { linkAndSync, newUser } from "./timelineTestKit";

// The timeline page reads its per-user settings in one statement: it must say what the separate reads say.
let userId: string;
let other: string;
let alphaLink: string;
let betaLink: string;

async function rule(owner: string, color: string, name: string, filterQuery: string, minBytes = "") {
  const input = parseHighlightRuleInput({ color, name, filterQuery, minBytes });
  if (!input.ok) throw new Error(input.failure.message);
  return saveHighlightRule(owner, input.value);
}

beforeAll(async () => {
  await useTestDatabase(import.meta.url);
  userId = await newUser("screen-settings@example.org");
  other = await newUser("screen-settings-other@example.org");
  alphaLink = await linkAndSync(userId, "alpha");
  betaLink = await linkAndSync(userId, "beta");
  await linkAndSync(other, "alpha");
  await saveTimelinePreset(userId, "zeta", { ...NO_FILTERS, bot: "hide" });
  await saveTimelinePreset(userId, "Alpha talk", { ...NO_FILTERS, namespaces: ["Talk"] });
  await saveTimelinePreset(other, "not mine", NO_FILTERS);
  await rule(userId, "c4", "big", "", "500");
  await rule(userId, "c2", "talk", "ns=Talk");
  await rule(other, "c1", "theirs", "ns=Talk");
  await pgPool().query("UPDATE wiki_links SET can_mark_read = false WHERE id = $1", [betaLink]);
}, 120_000);

describe("the timeline page's settings read", () => {
  it("gives the links, options, presets and highlight rules the separate reads give, the user's only", async () => {
    const settings = await readTimelineScreenSettings(userId);
    expect(watchingLinksOf(settings.links)).toEqual(await watchingLinks(userId));
    expect(settings.links.map((l) => l.id)).toEqual([alphaLink, betaLink]);
    expect(watchingLinksOf(settings.links)[1]?.markReadRefusal).toMatch(/Edit your watchlist/);
    expect(settings.options).toEqual(await getTimelineOptions(userId));
    expect(settings.options.wikis).toHaveLength(2);
    expect(settings.presets).toEqual(await listTimelinePresets(userId));
    expect(settings.presets.map((p) => p.name)).toEqual(["Alpha talk", "zeta"]);
    expect(settings.highlightRules).toEqual(await listHighlightRules(userId));
    expect(settings.highlightRules.map((r) => r.name)).toEqual(["talk", "big"]);
    expect(settings.syncProblems).toEqual([]);
  });

  it("names the links whose sync failed or waits for the user, as the sync status does", async () => {
    await pgPool().query(
      "UPDATE link_sync_states SET status = 'error', last_error = 'The wiki did not answer.' WHERE link_id = $1",
      [alphaLink],
    );
    await pgPool().query("UPDATE link_sync_states SET paused = true, last_error = NULL WHERE link_id = $1", [betaLink]);
    const { syncProblems } = await readTimelineScreenSettings(userId);
    const expected = (await getSyncProblemsForUser(userId)).map((s) => ({
      linkId: s.linkId,
      displayName: s.displayName,
      message: s.lastError ?? "The last sync failed.",
      paused: s.state === "attention",
    }));
    expect(syncProblems).toEqual(expected);
    expect(syncProblems).toEqual([
      expect.objectContaining({ linkId: alphaLink, message: "The wiki did not answer.", paused: false }),
      expect.objectContaining({ linkId: betaLink, message: "The last sync failed.", paused: true }),
    ]);
    expect((await readTimelineScreenSettings(other)).syncProblems).toEqual([]);
  });
});
